package com.example.shop.order.command.domain;

import java.util.UUID;

/**
 * Identifies an order.
 */
public record OrderId(UUID value) {

	public static OrderId newId() {
		return new OrderId(UUID.randomUUID());
	}

	/**
	 * @throws IllegalArgumentException when the text is not a UUID
	 */
	public static OrderId of(String text) {
		return new OrderId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
