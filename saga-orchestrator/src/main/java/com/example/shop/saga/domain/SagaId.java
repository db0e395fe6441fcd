package com.example.shop.saga.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one saga; each order has exactly one.
 */
public record SagaId(UUID value) {

	public SagaId {
		Objects.requireNonNull(value, "value");
	}

	public static SagaId newId() {
		return new SagaId(UUID.randomUUID());
	}

	/**
	 * @throws IllegalArgumentException when {@code text} is not a UUID
	 */
	public static SagaId of(String text) {
		return new SagaId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
