package com.example.shop.order.query.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The finance report, per UTC day and currency, aggregated at read time from the
 * {@link OrderRevenue} documents ({@link RevenueSums}), with exact amounts.
 * <ul>
 * <li><b>confirmed</b>: the totals of the orders confirmed that day;</li>
 * <li><b>refunded</b>: the refunds made that day of orders that are confirmed. A refund
 * of an order that was rejected or cancelled gives back a charge that never became
 * revenue, so it is not counted;</li>
 * <li><b>net</b>: confirmed minus refunded.</li>
 * </ul>
 * Since each order is one document, an order counts at most once per column however often
 * its events were delivered.
 */
@Component
public class RevenueReport {

	/** The longest range one report covers, in days: a year, leap day included. */
	public static final int MAX_DAYS = 366;

	private final RevenueSums sums;

	RevenueReport(RevenueSums sums) {
		this.sums = sums;
	}

	/**
	 * One day and currency with revenue or refunds.
	 *
	 * @param confirmedOrders how many orders make up {@code confirmed}
	 * @param refundedOrders how many refunds make up {@code refunded}
	 */
	public record Day(LocalDate date, String currency, BigDecimal confirmed, long confirmedOrders, BigDecimal refunded,
			long refundedOrders, BigDecimal net) {
	}

	/**
	 * The days from {@code from} to {@code to}, both included, that had revenue or
	 * refunds, by date and then currency.
	 * @throws IllegalArgumentException when {@code to} is before {@code from} or the
	 * range is longer than {@value #MAX_DAYS} days
	 */
	public List<Day> between(LocalDate from, LocalDate to) {
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new IllegalArgumentException("A report covers 1 to " + MAX_DAYS + " days, not " + from + " to " + to);
		}
		Map<String, Totals> totals = new TreeMap<>();
		for (RevenueSums.Sum sum : this.sums.confirmed(from, to)) {
			Totals day = totals(totals, sum);
			day.confirmed = sum.amount();
			day.confirmedOrders = sum.orders();
		}
		for (RevenueSums.Sum sum : this.sums.refundedOfConfirmed(from, to)) {
			Totals day = totals(totals, sum);
			day.refunded = sum.amount();
			day.refundedOrders = sum.orders();
		}
		return totals.values()
			.stream()
			.map((day) -> new Day(day.date, day.currency, day.confirmed, day.confirmedOrders, day.refunded,
					day.refundedOrders, day.confirmed.subtract(day.refunded)))
			.toList();
	}

	/**
	 * The totals of a sum's day and currency, keyed so that they sort by date, then
	 * currency.
	 */
	private static Totals totals(Map<String, Totals> totals, RevenueSums.Sum sum) {
		return totals.computeIfAbsent(sum.date() + " " + sum.currency(),
				(key) -> new Totals(sum.date(), sum.currency()));
	}

	private static final class Totals {

		private final LocalDate date;

		private final String currency;

		private BigDecimal confirmed = BigDecimal.ZERO;

		private long confirmedOrders;

		private BigDecimal refunded = BigDecimal.ZERO;

		private long refundedOrders;

		private Totals(LocalDate date, String currency) {
			this.date = date;
			this.currency = currency;
		}

	}

}
