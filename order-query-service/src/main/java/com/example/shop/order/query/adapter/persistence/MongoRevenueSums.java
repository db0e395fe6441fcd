package com.example.shop.order.query.adapter.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.revenue.OrderRevenue;
import com.example.shop.order.query.revenue.RevenueSums;
import org.bson.Document;
import org.bson.types.Decimal128;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The revenue sums in MongoDB, aggregated at read time with {@code $match} and
 * {@code $group}/{@code $sum} over {@code Decimal128} amounts, which MongoDB and the
 * local MongoDB wire server both sum exactly. Days are stored as ISO dates, so a range of
 * days is a range of text.
 */
@Component
class MongoRevenueSums implements RevenueSums {

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	MongoRevenueSums(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	@Override
	public List<Sum> confirmed(LocalDate from, LocalDate to) {
		return sums(Criteria.where("confirmedOn").gte(from.toString()).lte(to.toString()).and("total").exists(true),
				"confirmedOn", "currency", "total");
	}

	@Override
	public List<Sum> refundedOfConfirmed(LocalDate from, LocalDate to) {
		return sums(
				Criteria.where("refundedOn").gte(from.toString()).lte(to.toString()).and("confirmedOn").exists(true),
				"refundedOn", "refundCurrency", "refundedAmount");
	}

	private List<Sum> sums(Criteria match, String dayField, String currencyField, String amountField) {
		return this.mongo
			.aggregate(Aggregation.newAggregation(Aggregation.match(match),
					Aggregation.group(dayField, currencyField).sum(amountField).as("amount").count().as("orders")),
					this.catalog.activeCollection(OrderRevenue.PROJECTION), Document.class)
			.getMappedResults()
			.stream()
			.map((sum) -> {
				Document id = (Document) sum.get("_id");
				return new Sum(LocalDate.parse(id.getString(dayField)), id.getString(currencyField), amount(sum),
						((Number) sum.get("orders")).longValue());
			})
			.toList();
	}

	private static BigDecimal amount(Document sum) {
		return switch (sum.get("amount")) {
			case Decimal128 decimal -> decimal.bigDecimalValue();
			case Number number -> new BigDecimal(number.toString());
			default -> throw new IllegalStateException("Not a sum: " + sum.get("amount"));
		};
	}

}
