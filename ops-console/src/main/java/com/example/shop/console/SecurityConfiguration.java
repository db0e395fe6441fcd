package com.example.shop.console;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;

/**
 * Operators sign in at the shop's issuer with the authorization code flow and PKCE
 * (registration {@value Services#REGISTRATION}); the console keeps their tokens in the
 * session and renews them with the refresh token. Only a person whose ID token lists the
 * {@code operations} role ({@code roles} claim) may use a page: anybody else signed in
 * sees that they may not (403). Signing out ends the session at the issuer too. The
 * probes, the stylesheet, htmx and the actuator (on the management port, for the metrics
 * scraper) are open.
 * <p>
 * A part of a page that refreshes itself (htmx, header {@code HX-Request}) after the
 * session is gone gets 401 with {@code HX-Refresh}: the whole page reloads and signs in
 * again, instead of the issuer's sign-in form landing inside the part.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String OPERATIONS = "ROLE_OPERATIONS";

	private static final RequestMatcher HTMX = (request) -> request.getHeader("HX-Request") != null;

	@Bean
	SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
		var requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher((request) -> !HTMX.matches(request));
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(EndpointRequest.toAnyEndpoint())
			.permitAll()
			.requestMatchers("/livez", "/readyz", "/signed-out", "/console.css", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/denied")
			.authenticated()
			.anyRequest()
			.hasAuthority(OPERATIONS))
			.oauth2Login((login) -> login
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(requests)))
			.logout((logout) -> logout.logoutSuccessHandler(signedOut))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling(
					(exceptions) -> exceptions.accessDeniedPage("/denied").authenticationEntryPoint(signIn()));
		return http.build();
	}

	/**
	 * Where a request without a session goes: to the issuer's sign-in, but for a part of
	 * a page, which reloads the page instead.
	 */
	private static AuthenticationEntryPoint signIn() {
		var signIn = new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + Services.REGISTRATION);
		return (request, response, failure) -> {
			if (HTMX.matches(request)) {
				response.setHeader("HX-Refresh", "true");
				response.sendError(HttpStatus.UNAUTHORIZED.value());
			}
			else {
				signIn.commence(request, response, failure);
			}
		};
	}

	/**
	 * A person's roles, from the {@code roles} claim of their ID token, as
	 * {@code ROLE_<NAME>} authorities.
	 */
	@Bean
	GrantedAuthoritiesMapper rolesFromIdToken() {
		return (authorities) -> {
			Set<GrantedAuthority> mapped = new HashSet<>(authorities);
			for (GrantedAuthority authority : authorities) {
				if (authority instanceof OidcUserAuthority oidc) {
					List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
					if (roles != null) {
						roles.forEach((role) -> mapped
							.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT))));
					}
				}
			}
			return mapped;
		};
	}

	/** The operator's tokens, renewed with the refresh token when they expire. */
	@Bean
	OAuth2AuthorizedClientManager operatorTokens(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorized) {
		var manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorized);
		manager.setAuthorizedClientProvider(
				OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	Services services(ConsoleProperties properties, RestClient.Builder builder,
			OAuth2AuthorizedClientManager operatorTokens) {
		return new Services(properties, builder, operatorTokens);
	}

}
