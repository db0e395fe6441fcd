package com.example.shop.platform.eventing.inbox;

/**
 * A record that can never be processed, whatever the retries: no message id, malformed
 * JSON, an unknown type. It goes to the dead-letter topic at once.
 */
public class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

	public InvalidMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
