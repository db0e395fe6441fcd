package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in an ISO 4217 currency, at the scale of the currency's minor unit (two
 * decimals for EUR, none for JPY), so that equal amounts are stored alike. An amount with
 * more decimals than its currency has, or more than {@value #MAX_INTEGER_DIGITS} integer
 * digits, or below zero, is refused.
 */
public record Money(BigDecimal amount, String currency) {

	public static final int MAX_INTEGER_DIGITS = 15;

	public Money {
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			throw new InvalidAccountException("currency", "must be an ISO 4217 code such as EUR");
		}
		int digits = fractionDigits(currency);
		if (amount == null) {
			throw new InvalidAccountException("amount", "is required");
		}
		if (amount.signum() < 0) {
			throw new InvalidAccountException("amount", "must not be negative");
		}
		if (amount.signum() == 0) {
			amount = BigDecimal.ZERO.setScale(digits);
		}
		else {
			// checked before any arithmetic, so that 1E+999999999 or 1E-999999999 cost
			// nothing
			if ((long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
				throw new InvalidAccountException("amount",
						"must have at most " + MAX_INTEGER_DIGITS + " integer digits");
			}
			if (amount.stripTrailingZeros().scale() > digits) {
				throw new InvalidAccountException("amount", "must have at most " + digits + " decimals in " + currency);
			}
			amount = amount.setScale(digits);
		}
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public boolean isZero() {
		return this.amount.signum() == 0;
	}

	private static int fractionDigits(String code) {
		try {
			int digits = Currency.getInstance(code).getDefaultFractionDigits();
			if (digits < 0) {
				throw new InvalidAccountException("currency", code + " is not a currency of payments");
			}
			return digits;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAccountException("currency", "must be an ISO 4217 code such as EUR, not " + code);
		}
	}

}
