package com.example.shop.inventory.application;

/**
 * An idempotency key was sent again with a different request.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException(String key) {
		super("Idempotency-Key " + key + " was already used for a different request");
	}

}
