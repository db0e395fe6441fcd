package com.example.shop.order.query.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sums over the {@link OrderRevenue} documents, per UTC day and currency, in the
 * collection that serves the view now: the read model's port, implemented in
 * {@code adapter.persistence}. Each order is one document, so it counts at most once per
 * sum.
 */
public interface RevenueSums {

	/**
	 * The totals of the orders confirmed on each day from {@code from} to {@code to},
	 * both included.
	 */
	List<Sum> confirmed(LocalDate from, LocalDate to);

	/**
	 * The refunds made on each day from {@code from} to {@code to}, both included, of
	 * orders that are confirmed.
	 */
	List<Sum> refundedOfConfirmed(LocalDate from, LocalDate to);

	/**
	 * @param amount the exact sum
	 * @param orders how many orders make it up
	 */
	record Sum(LocalDate date, String currency, BigDecimal amount, long orders) {
	}

}
