package com.example.shop.saga.domain;

/**
 * An operation the saga's state does not allow, such as resuming a saga that has not
 * failed.
 */
public class SagaStateException extends RuntimeException {

	public SagaStateException(String message) {
		super(message);
	}

}
