package com.example.shop.inventory.application;

import java.util.Optional;

import com.example.shop.inventory.domain.Sku;

/**
 * Remembers which restock each idempotency key made, in the transaction that made it.
 */
public interface RestockKeys {

	/**
	 * The restock an earlier request made under the key.
	 */
	record Earlier(Sku sku, int quantity) {

	}

	/**
	 * Claims the key for this restock, or returns the restock that claimed it first.
	 * Waits for a concurrent claim of the same key to commit or roll back.
	 */
	Optional<Earlier> claim(String key, Sku sku, int quantity);

}
