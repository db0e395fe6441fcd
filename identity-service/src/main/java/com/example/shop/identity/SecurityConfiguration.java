package com.example.shop.identity;

import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Two filter chains: the OAuth2 and OpenID Connect endpoints (token, authorize, JWK set,
 * discovery, userinfo), and everything else: the sign-in form, the probes and the
 * actuator. Clients are registered in {@code application.yml}
 * ({@code spring.security.oauth2.authorizationserver.client}), people in
 * {@code shop.identity.users}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServer(HttpSecurity http) {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			// a client on a loopback address may come back after sign-out on any port, as
			// it
			// may after sign-in
			server.oidc((oidc) -> oidc.logoutEndpoint(
					(logout) -> logout.authenticationProviders((providers) -> providers.forEach((provider) -> {
						if (provider instanceof OidcLogoutAuthenticationProvider oidcLogout) {
							oidcLogout.setAuthenticationValidator(new LoopbackPostLogoutRedirects());
						}
					}))));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		// userinfo is called with an access token that this issuer signed
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
		// a browser that is not signed in yet is sent to the sign-in form
		MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser));
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain signIn(HttpSecurity http) {
		// the probes; and the actuator, which answers only on the management port
		// (management.server.port), where no gateway or ingress routes
		http.authorizeHttpRequests(
				(authorize) -> authorize.requestMatchers("/livez", "/readyz", "/error", "/actuator/**")
					.permitAll()
					.anyRequest()
					.authenticated());
		http.formLogin(withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService users(IdentityProperties properties) {
		return new InMemoryUserDetailsManager(properties.users()
			.stream()
			.map((user) -> User.withUsername(user.username())
				.password(user.password())
				.roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new))
				.build())
			.toList());
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(SigningKey.read(properties.signingKey())));
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> shopClaims(IdentityProperties properties) {
		return new ShopClaims(properties);
	}

}
