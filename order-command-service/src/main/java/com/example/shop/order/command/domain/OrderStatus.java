package com.example.shop.order.command.domain;

/**
 * Where an order is in its life. While the fulfilment saga runs it is {@code PENDING} (a
 * semantic lock); it ends {@code CONFIRMED}, {@code REJECTED} or {@code CANCELLED}.
 */
public enum OrderStatus {

	PENDING, CANCELLATION_REQUESTED, CONFIRMED, REJECTED, CANCELLED

}
