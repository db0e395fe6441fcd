package com.example.shop.contracts;

import java.time.Instant;

/**
 * The customer asked to cancel a pending order; the saga undoes what was done and then
 * cancels it.
 *
 * @param orderId the order
 * @param requestedAt when
 */
public record OrderCancellationRequested(OrderId orderId, Instant requestedAt) implements OrderEvent {

}
