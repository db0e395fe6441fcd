package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What happened to a customer's payment account. Amounts are at the scale of the
 * account's currency. Private to this service: the fulfilment saga sees the integration
 * events of {@code platform/contracts}.
 */
public sealed interface AccountEvent {

	/**
	 * The first outcome of charging an order, which every later charge command for the
	 * order is answered with.
	 */
	sealed interface ChargeOutcome extends AccountEvent {

		OrderId orderId();

	}

	/**
	 * The first outcome of refunding an order, which every later refund command for the
	 * order is answered with.
	 */
	sealed interface RefundOutcome extends AccountEvent {

		OrderId orderId();

	}

	record AccountOpened(CustomerId customerId, String currency, BigDecimal initialBalance,
			Instant openedAt) implements AccountEvent {
	}

	record MoneyDeposited(BigDecimal amount, Instant depositedAt) implements AccountEvent {
	}

	/**
	 * The amount was taken from the balance.
	 */
	record PaymentCharged(OrderId orderId, BigDecimal amount, String currency,
			Instant chargedAt) implements ChargeOutcome {
	}

	/**
	 * Nothing was taken; the requested amount and currency are kept for the audit trail.
	 */
	record PaymentFailed(OrderId orderId, BigDecimal amount, String currency, FailureReason reason,
			Instant failedAt) implements ChargeOutcome {
	}

	/**
	 * The charge of the order went back to the balance.
	 */
	record PaymentRefunded(OrderId orderId, BigDecimal amount, String currency,
			Instant refundedAt) implements RefundOutcome {
	}

	/**
	 * The order was refunded when nothing had been charged for it: nothing went back, and
	 * it can no longer be charged.
	 */
	record OrderClosed(OrderId orderId, Instant closedAt) implements RefundOutcome {
	}

}
