package com.example.shop.contracts.orders;

import java.time.Instant;

/**
 * The customer asked to cancel a pending order; the saga undoes what was done and then
 * cancels it.
 *
 * @param orderId the order
 * @param requestedAt when
 */
public record OrderCancellationRequested(String orderId, Instant requestedAt) {

}
