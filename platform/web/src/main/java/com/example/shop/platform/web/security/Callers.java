package com.example.shop.platform.web.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a {@link Caller} from a verified token: its subject, its roles (the {@code roles}
 * claim of a person, the granted {@code scope} of a machine client) and its
 * {@code customer_id}. Configure another provider so that people's tokens carry a
 * {@code roles} claim.
 */
final class Callers {

	static final String ROLES = "roles";

	static final String SCOPE = "scope";

	static final String CUSTOMER_ID = "customer_id";

	private Callers() {
	}

	/**
	 * A person's roles are their {@code roles} claim, and only that: a scope that a
	 * provider grants to every user of a client gives nobody a role. A token without a
	 * {@code roles} claim is a machine client's, whose granted {@code scope} is its
	 * roles.
	 */
	static Set<Role> roles(Jwt token) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : values(token.getClaim(token.hasClaim(ROLES) ? ROLES : SCOPE))) {
			Role.ofClaim(value).ifPresent(roles::add);
		}
		return roles;
	}

	/**
	 * The caller of an operation that {@code allowed} roles may call, or {@code null}
	 * when the token has none of them.
	 */
	static Caller of(Jwt token, Role[] allowed) {
		Set<Role> roles = roles(token);
		Set<Role> granted = EnumSet.noneOf(Role.class);
		Arrays.stream(allowed).filter(roles::contains).forEach(granted::add);
		String customerId = token.getClaimAsString(CUSTOMER_ID);
		boolean ownDataOnly = granted.equals(EnumSet.of(Role.CUSTOMER));
		if (granted.isEmpty() || (ownDataOnly && customerId == null)) {
			return null;
		}
		return new Caller(token.getSubject(), customerId, ownDataOnly);
	}

	private static List<String> values(Object claim) {
		if (claim instanceof String text) {
			return Arrays.asList(text.trim().split("\\s+"));
		}
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
