package com.example.shop.contracts;

/**
 * The saga's command to reject an order after compensating every step.
 *
 * @param orderId the order
 * @param reason why, e.g. {@code INSUFFICIENT_FUNDS}
 */
public record RejectOrder(OrderId orderId, String reason) implements OrderCommand {

}
