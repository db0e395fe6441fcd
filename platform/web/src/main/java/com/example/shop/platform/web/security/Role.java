package com.example.shop.platform.web.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller does in the shop. A person's token lists their roles in its {@code roles}
 * claim; a machine client's token has them as its granted {@code scope}. Either way the
 * same name grants the same operations (docs/security.md).
 */
public enum Role {

	/**
	 * Acts on their own orders and account only: the {@code customer_id} of the token.
	 */
	CUSTOMER,

	/** A sales channel: places orders and opens accounts for any customer it names. */
	SALES,

	/** Looks after the sagas and the read models: retries, rebuilds, dead letters. */
	OPERATIONS,

	/** Money: deposits, accounts, the revenue report. */
	FINANCE,

	/** Stock and shipping: products, restocks, the shipping manifest. */
	WAREHOUSE;

	/** The name in a token's {@code roles} or {@code scope}: {@code customer}, ... */
	public String claim() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<Role> ofClaim(String value) {
		for (Role role : values()) {
			if (role.claim().equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
