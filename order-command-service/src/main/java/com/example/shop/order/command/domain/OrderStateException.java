package com.example.shop.order.command.domain;

/**
 * The order's status does not allow the change, e.g. cancelling a confirmed (shipped)
 * order.
 */
public class OrderStateException extends RuntimeException {

	public OrderStateException(String message) {
		super(message);
	}

}
