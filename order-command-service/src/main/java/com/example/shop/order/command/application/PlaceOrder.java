package com.example.shop.order.command.application;

import java.util.List;

import com.example.shop.order.command.domain.CustomerId;
import com.example.shop.order.command.domain.OrderLine;
import com.example.shop.order.command.domain.ShippingAddress;

/**
 * Place an order. The same idempotency key with the same request fingerprint places it
 * once.
 *
 * @param idempotencyKey the client's key for this request, or {@code null}
 * @param fingerprint a hash of the request body, to tell a retry from a different request
 * with a reused key
 */
public record PlaceOrder(CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress,
		String idempotencyKey, String fingerprint) {

}
