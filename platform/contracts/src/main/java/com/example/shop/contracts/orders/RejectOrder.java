package com.example.shop.contracts.orders;

/**
 * The saga's command to reject an order after compensating every step.
 *
 * @param orderId the order
 * @param reason why, e.g. {@code INSUFFICIENT_FUNDS}
 */
public record RejectOrder(String orderId, String reason) {

}
