package com.example.shop.inventory.adapter.web;

/**
 * A request field outside the request body, such as the SKU in the path, is malformed:
 * 400 with the field named.
 */
class InvalidFieldException extends RuntimeException {

	private final String field;

	InvalidFieldException(String field, String message) {
		super(field + " " + message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
