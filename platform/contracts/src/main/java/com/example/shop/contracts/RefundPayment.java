package com.example.shop.contracts;

/**
 * The saga's command to give back what an order was charged. Answered by
 * {@link PaymentRefunded}, with amount zero when nothing was charged; after it the order
 * can no longer be charged, so a charge command that arrives late fails.
 *
 * @param orderId the order
 * @param customerId the account holder
 */
public record RefundPayment(OrderId orderId, CustomerId customerId) implements PaymentCommand {

}
