package com.example.shop.identity;

import java.net.URI;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Which {@code post_logout_redirect_uri} a client may name at sign-out: one it
 * registered, or, on a loopback address (127.0.0.1 or [::1]), one it registered with
 * another port. The authorization server already lets a loopback {@code redirect_uri}
 * take any port, as RFC 8252 asks for clients on the user's machine, which cannot know
 * their port in advance; the same client must then be able to come back after signing out
 * (the operations console, started by the tests on a free port).
 */
final class LoopbackPostLogoutRedirects implements Consumer<OidcLogoutAuthenticationContext> {

	private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

	@Override
	public void accept(OidcLogoutAuthenticationContext context) {
		OidcLogoutAuthenticationToken logout = context.getAuthentication();
		String requested = logout.getPostLogoutRedirectUri();
		if (!StringUtils.hasText(requested)) {
			return;
		}
		Set<String> registered = context.getRegisteredClient().getPostLogoutRedirectUris();
		if (registered.contains(requested) || registered.stream().anyMatch((uri) -> sameButPort(uri, requested))) {
			return;
		}
		throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
				"OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri", null));
	}

	private static boolean sameButPort(String registered, String requested) {
		try {
			URI a = URI.create(registered);
			URI b = URI.create(requested);
			return LOOPBACK.contains(b.getHost()) && a.getHost() != null && a.getHost().equals(b.getHost())
					&& a.getScheme().equals(b.getScheme()) && a.getRawPath().equals(b.getRawPath())
					&& a.getRawQuery() == null && b.getRawQuery() == null && b.getRawFragment() == null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
