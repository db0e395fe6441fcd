package com.example.shop.console;

/**
 * A service answered with an error, or not at all: what the page says instead of the
 * data.
 *
 * @param service the service asked
 * @param status its HTTP status; 503 when it did not answer
 */
class ServiceException extends RuntimeException {

	private final String service;

	private final int status;

	ServiceException(String service, int status, String detail) {
		super(detail);
		this.service = service;
		this.status = status;
	}

	int status() {
		return this.status;
	}

	boolean isNotFound() {
		return this.status == 404;
	}

	/** What an operator reads. */
	String describe() {
		return this.service + " answered " + this.status + ": " + getMessage();
	}

}
