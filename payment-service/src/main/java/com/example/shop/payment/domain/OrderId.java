package com.example.shop.payment.domain;

import java.util.UUID;

/**
 * Identifies the order a charge or refund is for.
 */
public record OrderId(UUID value) {

	public OrderId {
		if (value == null) {
			throw new InvalidAccountException("orderId", "is required");
		}
	}

	/**
	 * @throws InvalidAccountException when the text is not a UUID
	 */
	public static OrderId of(String text) {
		try {
			return new OrderId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidAccountException("orderId", "must be a UUID, not " + text);
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
