package com.example.shop.inventory.domain;

import java.util.regex.Pattern;

/**
 * Identifies a product: 1 to 64 upper-case letters, digits and inner hyphens, e.g.
 * {@code SKU-1} or {@code MUG-BLUE-0042}. Every SKU of this form is one the order side
 * accepts (non-blank, at most 64 characters).
 */
public record Sku(String value) implements Comparable<Sku> {

	public static final String FORMAT = "[A-Z0-9](?:[A-Z0-9-]{0,62}[A-Z0-9])?";

	public static final String DESCRIPTION = "must be 1 to 64 upper-case letters, digits and inner hyphens, like SKU-1";

	private static final Pattern PATTERN = Pattern.compile(FORMAT);

	public Sku {
		if (!isValid(value)) {
			throw new InvalidStockException("sku", DESCRIPTION);
		}
	}

	public static boolean isValid(String text) {
		return text != null && PATTERN.matcher(text).matches();
	}

	@Override
	public int compareTo(Sku other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
