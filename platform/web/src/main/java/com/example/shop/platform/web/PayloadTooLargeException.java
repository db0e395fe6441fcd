package com.example.shop.platform.web;

/**
 * A request body over the limit, found while it was read: 413 Content Too Large. A
 * service's problem-details advice finds it as the root cause of the message conversion
 * error.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
