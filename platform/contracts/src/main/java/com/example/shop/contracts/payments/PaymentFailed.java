package com.example.shop.contracts.payments;

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
public record PaymentFailed(String orderId, String customerId, String reason, Instant failedAt) {

}
