package com.example.shop.contracts;

/**
 * The saga's command to cancel an order whose cancellation was requested, after
 * compensating every step.
 *
 * @param orderId the order
 */
public record CancelOrder(OrderId orderId) implements OrderCommand {

}
