package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money that moved in or out of an account.
 *
 * @param type what moved it
 * @param orderId the order of a charge or refund, {@code null} otherwise
 * @param amount how much, always positive or zero (an opening balance)
 * @param at when
 */
public record Movement(Type type, OrderId orderId, BigDecimal amount, Instant at) {

	public enum Type {

		OPENING, DEPOSIT, CHARGE, REFUND

	}

}
