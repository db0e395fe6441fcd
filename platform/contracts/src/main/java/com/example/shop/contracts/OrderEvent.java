package com.example.shop.contracts;

/**
 * What the orders context publishes on {@link Topics#ORDERS_EVENTS}, each with its
 * version in the order's stream as {@code ce_sequence}.
 */
public sealed interface OrderEvent extends Event
		permits OrderPlaced, OrderConfirmed, OrderRejected, OrderCancellationRequested, OrderCancelled {

}
