package com.example.shop.platform.localstack;

/**
 * A condition the person running the stack can fix; its message is one line that says
 * what to do.
 */
public class LocalStackException extends RuntimeException {

	public LocalStackException(String message) {
		super(message);
	}

	public LocalStackException(String message, Throwable cause) {
		super(message, cause);
	}

}
