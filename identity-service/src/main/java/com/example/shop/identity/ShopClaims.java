package com.example.shop.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the services need to know about the caller, added to every token:
 * <ul>
 * <li>the access token's {@code aud} is the API ({@code shop.identity.audience}), which
 * every service checks, so that a token issued for another API is refused; the client
 * stays named in {@code client_id};</li>
 * <li>a person's tokens carry their {@code roles} and, for a customer, the
 * {@code customer_id} that the services act on.</li>
 * </ul>
 * A machine client (client credentials) has no roles: what it may do is its granted
 * {@code scope}.
 */
final class ShopClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String CUSTOMER_ID = "customer_id";

	static final String CLIENT_ID = "client_id";

	private final String audience;

	private final Map<String, IdentityProperties.User> users;

	ShopClaims(IdentityProperties properties) {
		this.audience = properties.audience();
		this.users = properties.users()
			.stream()
			.collect(Collectors.toMap(IdentityProperties.User::username, Function.identity()));
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		if (accessToken) {
			context.getClaims()
				.audience(List.of(this.audience))
				.claim(CLIENT_ID, context.getRegisteredClient().getClientId());
		}
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			return;
		}
		IdentityProperties.User user = this.users.get(context.getPrincipal().getName());
		if (user != null) {
			context.getClaims().claim(ROLES, user.roles());
			if (user.customerId() != null) {
				context.getClaims().claim(CUSTOMER_ID, user.customerId());
			}
		}
	}

}
