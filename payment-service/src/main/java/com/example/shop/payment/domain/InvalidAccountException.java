package com.example.shop.payment.domain;

/**
 * Input that no account can accept, whatever its state: a malformed customer or order id,
 * an amount that is not positive or has more decimals than its currency, an unknown
 * currency, a deposit in another currency than the account's.
 */
public class InvalidAccountException extends RuntimeException {

	private final String field;

	public InvalidAccountException(String field, String message) {
		super(field + " " + message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
