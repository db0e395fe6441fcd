package com.example.shop.saga.application;

/**
 * No saga exists for the given saga id or order id.
 */
public class SagaNotFoundException extends RuntimeException {

	public SagaNotFoundException(String what) {
		super("No saga for " + what);
	}

}
