package com.example.shop.contracts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The order's total was taken from the customer's balance.
 *
 * @param orderId the order
 * @param customerId the account holder
 * @param amount what was charged
 * @param currency ISO 4217 code of the amount
 * @param chargedAt when
 */
public record PaymentCharged(OrderId orderId, CustomerId customerId, BigDecimal amount, String currency,
		Instant chargedAt) implements PaymentEvent {

}
