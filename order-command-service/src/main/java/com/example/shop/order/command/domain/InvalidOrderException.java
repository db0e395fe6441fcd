package com.example.shop.order.command.domain;

/**
 * An order that breaks a business rule, e.g. lines in two currencies.
 */
public class InvalidOrderException extends RuntimeException {

	private final String field;

	public InvalidOrderException(String field, String message) {
		super(field + " " + message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
