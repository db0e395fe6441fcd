package com.example.shop.contracts;

import java.time.Instant;

/**
 * The order was cancelled at the customer's request.
 *
 * @param orderId the order
 * @param cancelledAt when
 */
public record OrderCancelled(OrderId orderId, Instant cancelledAt) implements OrderEvent {

}
