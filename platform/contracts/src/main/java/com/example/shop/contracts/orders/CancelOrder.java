package com.example.shop.contracts.orders;

/**
 * The saga's command to cancel an order whose cancellation was requested, after
 * compensating every step.
 *
 * @param orderId the order
 */
public record CancelOrder(String orderId) {

}
