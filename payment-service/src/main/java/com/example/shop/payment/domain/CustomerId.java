package com.example.shop.payment.domain;

import java.util.regex.Pattern;

/**
 * Identifies a customer, and so the customer's payment account: {@code C-} and six
 * digits, e.g. {@code C-000123}.
 */
public record CustomerId(String value) {

	public static final String FORMAT = "C-\\d{6}";

	private static final Pattern PATTERN = Pattern.compile(FORMAT);

	public CustomerId {
		if (value == null || !PATTERN.matcher(value).matches()) {
			throw new InvalidAccountException("customerId", "must look like C-000123");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
