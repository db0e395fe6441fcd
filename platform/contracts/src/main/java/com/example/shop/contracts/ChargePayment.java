package com.example.shop.contracts;

import java.math.BigDecimal;

/**
 * The saga's command to charge an order's total to the customer's payment account.
 * Answered by {@link PaymentCharged} or {@link PaymentFailed}; at most one charge is made
 * per order.
 *
 * @param orderId the order
 * @param customerId the account holder
 * @param amount the order total, positive
 * @param currency ISO 4217 code of the amount
 */
public record ChargePayment(OrderId orderId, CustomerId customerId, BigDecimal amount,
		String currency) implements PaymentCommand {

}
