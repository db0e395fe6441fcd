package com.example.shop.order.command.application;

import java.util.Optional;

/**
 * Remembers which order each idempotency key placed, in the transaction that placed it.
 */
public interface IdempotencyKeys {

	/**
	 * A request placed earlier under this key.
	 *
	 * @param fingerprint the earlier request's fingerprint
	 * @param result the order it placed
	 */
	record Earlier(String fingerprint, OrderVersion result) {

	}

	/**
	 * Claims the key for this request, or returns the request that claimed it first.
	 * Waits for a concurrent claim of the same key to commit or roll back.
	 */
	Optional<Earlier> claim(String key, String fingerprint, OrderVersion result);

}
