package com.example.shop.order.command.application;

import com.example.shop.order.command.domain.OrderId;

/**
 * No order has this id.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(OrderId id) {
		super("Order " + id + " does not exist");
	}

}
