package com.example.shop.contracts;

import java.time.Instant;

/**
 * The order was paid, reserved and shipped: it is complete.
 *
 * @param orderId the order
 * @param confirmedAt when
 */
public record OrderConfirmed(OrderId orderId, Instant confirmedAt) implements OrderEvent {

}
