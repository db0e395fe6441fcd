package com.example.shop.contracts;

import java.time.Instant;

/**
 * The order could not be charged; nothing was taken.
 *
 * @param orderId the order
 * @param customerId the account holder
 * @param reason one of {@code INSUFFICIENT_FUNDS}, {@code UNKNOWN_ACCOUNT},
 * {@code CURRENCY_MISMATCH}, {@code ORDER_CLOSED} (refunded before it was charged)
 * @param failedAt when
 */
public record PaymentFailed(OrderId orderId, CustomerId customerId, String reason,
		Instant failedAt) implements PaymentEvent {

}
