package com.example.shop.inventory.adapter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The request bodies of the products API.
 */
final class ProductRequests {

	/** The most units one request may add. */
	static final int MAX_UNITS = 1_000_000;

	private ProductRequests() {
	}

	/**
	 * The body of {@code PUT /products/{sku}}.
	 */
	record CreateProduct(@NotNull @PositiveOrZero @Max(MAX_UNITS) Integer stock) {
	}

	/**
	 * The body of {@code POST /products/{sku}/restocks}.
	 */
	record Restock(@NotNull @Positive @Max(MAX_UNITS) Integer quantity) {
	}

}
