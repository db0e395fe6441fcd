package com.example.shop.saga.domain;

import java.util.Objects;

/**
 * The order a saga fulfils, as the order command service named it; each order has exactly
 * one saga.
 */
public record OrderId(String value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("An order id is not blank");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
