package com.example.shop.contracts;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the order was charged went back to the customer's balance.
 *
 * @param orderId the order
 * @param customerId the account holder
 * @param amount what was given back: the charge, or zero when there was none
 * @param currency ISO 4217 code of the amount, {@code null} when there was no charge
 * @param refundedAt when
 */
public record PaymentRefunded(OrderId orderId, CustomerId customerId, BigDecimal amount, @Nullable String currency,
		Instant refundedAt) implements PaymentEvent {

}
