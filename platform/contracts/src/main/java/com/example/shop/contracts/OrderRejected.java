package com.example.shop.contracts;

import java.time.Instant;

/**
 * The order could not be fulfilled and everything done for it was undone.
 *
 * @param orderId the order
 * @param reason why, e.g. {@code INSUFFICIENT_FUNDS}
 * @param rejectedAt when
 */
public record OrderRejected(OrderId orderId, String reason, Instant rejectedAt) implements OrderEvent {

}
