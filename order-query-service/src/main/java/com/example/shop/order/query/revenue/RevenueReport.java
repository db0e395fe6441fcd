package com.example.shop.order.query.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.shop.order.query.projection.ProjectionCatalog;
import org.bson.Document;
import org.bson.types.Decimal128;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The finance report, per UTC day and currency, aggregated at read time from the
 * {@link OrderRevenue} documents with {@code $match} and {@code $group}/{@code $sum} over
 * {@code Decimal128} amounts, which MongoDB and the local MongoDB wire server both sum
 * exactly.
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

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	RevenueReport(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
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
		String collection = this.catalog.activeCollection(OrderRevenue.PROJECTION);
		Map<String, Totals> totals = new TreeMap<>();
		for (Document sum : sums(collection,
				Criteria.where("confirmedOn").gte(from.toString()).lte(to.toString()).and("total").exists(true),
				"confirmedOn", "currency", "total")) {
			Totals day = totals(totals, (Document) sum.get("_id"), "confirmedOn", "currency");
			day.confirmed = amount(sum);
			day.confirmedOrders = count(sum);
		}
		for (Document sum : sums(collection,
				Criteria.where("refundedOn").gte(from.toString()).lte(to.toString()).and("confirmedOn").exists(true),
				"refundedOn", "refundCurrency", "refundedAmount")) {
			Totals day = totals(totals, (Document) sum.get("_id"), "refundedOn", "refundCurrency");
			day.refunded = amount(sum);
			day.refundedOrders = count(sum);
		}
		return totals.values()
			.stream()
			.map((day) -> new Day(day.date, day.currency, day.confirmed, day.confirmedOrders, day.refunded,
					day.refundedOrders, day.confirmed.subtract(day.refunded)))
			.toList();
	}

	private List<Document> sums(String collection, Criteria match, String dayField, String currencyField,
			String amountField) {
		return this.mongo.aggregate(
				Aggregation.newAggregation(Aggregation.match(match),
						Aggregation.group(dayField, currencyField).sum(amountField).as("amount").count().as("orders")),
				collection, Document.class)
			.getMappedResults();
	}

	/**
	 * The totals of a day and currency, keyed so that they sort by date, then currency.
	 */
	private static Totals totals(Map<String, Totals> totals, Document id, String dayField, String currencyField) {
		LocalDate date = LocalDate.parse(id.getString(dayField));
		String currency = id.getString(currencyField);
		return totals.computeIfAbsent(date + " " + currency, (key) -> new Totals(date, currency));
	}

	private static BigDecimal amount(Document sum) {
		return switch (sum.get("amount")) {
			case Decimal128 decimal -> decimal.bigDecimalValue();
			case Number number -> new BigDecimal(number.toString());
			default -> throw new IllegalStateException("Not a sum: " + sum.get("amount"));
		};
	}

	private static long count(Document sum) {
		return ((Number) sum.get("orders")).longValue();
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
