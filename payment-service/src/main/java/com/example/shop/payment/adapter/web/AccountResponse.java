package com.example.shop.payment.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /accounts/{customerId}}.
 *
 * @param charges every order charged, oldest first, and whether it was refunded
 * @param recentMovements the last movements of money, newest first
 */
record AccountResponse(String customerId, BigDecimal balance, String currency, long version, List<Charge> charges,
		List<Movement> recentMovements) {

	record Charge(String orderId, BigDecimal amount, Instant chargedAt, boolean refunded) {
	}

	/**
	 * @param type {@code OPENING}, {@code DEPOSIT}, {@code CHARGE} or {@code REFUND}
	 * @param orderId the order of a charge or refund, else {@code null}
	 */
	record Movement(String type, String orderId, BigDecimal amount, Instant at) {
	}

}
