package com.example.shop.console;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestClient;

/**
 * Operators sign in at the shop's issuer with the authorization code flow and PKCE
 * (registration {@value Services#USER}); the console keeps their tokens in the session
 * and renews them with the refresh token. Only a person whose ID token lists the
 * {@code operations} role ({@code roles} claim) may use a page: anybody else signed in
 * sees that they may not (403). The probes, the stylesheet and htmx are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String OPERATIONS = "ROLE_OPERATIONS";

	@Bean
	SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		var requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/livez", "/readyz", "/console.css", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/denied")
			.authenticated()
			.anyRequest()
			.hasAuthority(OPERATIONS))
			.oauth2Login((login) -> login
				.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(requests)))
			.logout((logout) -> logout.logoutSuccessUrl("/signed-out").permitAll())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage("/denied"));
		return http.build();
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
			OAuth2AuthorizedClientManager operatorTokens, ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorized) {
		var consoleTokens = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorized);
		consoleTokens
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return new Services(properties, builder, operatorTokens, consoleTokens);
	}

}
