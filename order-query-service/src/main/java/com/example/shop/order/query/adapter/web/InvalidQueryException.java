package com.example.shop.order.query.adapter.web;

/**
 * A query parameter that is well-formed but not acceptable, such as a report range that
 * ends before it starts: 400 with the parameter in {@code errors}.
 */
class InvalidQueryException extends RuntimeException {

	private final String parameter;

	InvalidQueryException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
