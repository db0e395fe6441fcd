package com.example.shop.contracts.orders;

import java.time.Instant;

/**
 * The order was cancelled at the customer's request.
 *
 * @param orderId the order
 * @param cancelledAt when
 */
public record OrderCancelled(String orderId, Instant cancelledAt) {

}
