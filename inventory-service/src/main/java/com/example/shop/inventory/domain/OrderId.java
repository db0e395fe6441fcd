package com.example.shop.inventory.domain;

import java.util.UUID;

/**
 * Identifies the order an allocation belongs to.
 */
public record OrderId(UUID value) {

	public OrderId {
		if (value == null) {
			throw new InvalidStockException("orderId", "is required");
		}
	}

	/**
	 * @throws InvalidStockException when the text is not a UUID
	 */
	public static OrderId of(String text) {
		try {
			return new OrderId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidStockException("orderId", "must be a UUID, not " + text);
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
