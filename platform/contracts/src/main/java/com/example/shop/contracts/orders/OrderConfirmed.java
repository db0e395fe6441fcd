package com.example.shop.contracts.orders;

import java.time.Instant;

/**
 * The order was paid, reserved and shipped: it is complete.
 *
 * @param orderId the order
 * @param confirmedAt when
 */
public record OrderConfirmed(String orderId, Instant confirmedAt) {

}
