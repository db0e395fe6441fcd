package com.example.shop.order.command.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * One line of an order: a positive quantity of a product at a positive price, in a known
 * currency and with no more decimals than that currency has (EUR 2, JPY 0), so that every
 * total can be charged exactly.
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, String currency) {

	/**
	 * A stock-keeping unit as the warehouse writes it: 1 to 64 upper-case letters, digits
	 * and inner hyphens.
	 */
	private static final Pattern SKU = Pattern.compile("[A-Z0-9](?:[A-Z0-9-]{0,62}[A-Z0-9])?");

	public OrderLine {
		if (sku == null || !SKU.matcher(sku).matches()) {
			throw new InvalidOrderException("sku",
					"must be 1 to 64 upper-case letters, digits and inner hyphens, like SKU-1");
		}
		if (quantity <= 0) {
			throw new InvalidOrderException("quantity", "must be positive");
		}
		if (unitPrice == null || unitPrice.signum() <= 0) {
			throw new InvalidOrderException("unitPrice", "must be greater than zero");
		}
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			throw new InvalidOrderException("currency", "must be an ISO 4217 code such as EUR");
		}
		int decimals = decimals(currency);
		if (unitPrice.stripTrailingZeros().scale() > decimals) {
			throw new InvalidOrderException("unitPrice", "must have at most " + decimals + " decimals in " + currency);
		}
	}

	private static int decimals(String currency) {
		try {
			return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOrderException("currency", "must be an ISO 4217 code such as EUR, not " + currency);
		}
	}

	public BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
