package com.example.shop.platform.web;

/**
 * A request parameter (query or path) whose value is well-formed but not acceptable, such
 * as a report range that ends before it starts: {@link ProblemDetailsHandler} answers 400
 * with the parameter and the message in {@code errors}.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	public InvalidParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
