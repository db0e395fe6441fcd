package com.example.shop.inventory.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The request bodies of the products API. Quantities beyond an {@code int} are malformed
 * JSON for these records (400); a restock that would count more units received than an
 * {@code int} holds breaks a stock rule (422).
 */
final class ProductRequests {

	private ProductRequests() {
	}

	/**
	 * The body of {@code PUT /products/{sku}}.
	 */
	@Schema(example = "{\"stock\": 10}")
	record CreateProduct(@NotNull @PositiveOrZero Integer stock) {
	}

	/**
	 * The body of {@code POST /products/{sku}/restocks}.
	 */
	@Schema(example = "{\"quantity\": 5}")
	record Restock(@NotNull @Positive Integer quantity) {
	}

}
