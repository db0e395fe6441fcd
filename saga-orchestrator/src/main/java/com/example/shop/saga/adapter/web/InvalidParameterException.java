package com.example.shop.saga.adapter.web;

/**
 * A request parameter with a value the API does not accept.
 */
class InvalidParameterException extends RuntimeException {

	private final String parameter;

	InvalidParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
