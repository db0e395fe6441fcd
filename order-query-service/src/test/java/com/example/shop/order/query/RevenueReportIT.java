package com.example.shop.order.query;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.revenue.OrderRevenue;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.example.shop.order.query.OrderHistory.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revenue report fed from orders and payments events on a real broker. Each test uses
 * days of its own, far from the other tests' days, so that their orders do not count.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class RevenueReportIT {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectionCatalog catalog;

	@Autowired
	JsonMapper json;

	@Test
	void sumsPerUtcDayAndCurrencyExactlyAndCountsEachOrderOnce() throws Exception {
		LocalDate day = aDayOfItsOwn();
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		OrderHistory tenCents = anOrder().withTotal("0.10", "CHF").at(start).placed().charged().confirmed();
		OrderHistory twentyCents = anOrder().withTotal("0.20", "CHF")
			.at(start.plusSeconds(3600))
			.placed()
			.charged()
			.at(start.plusSeconds(86_399))
			.confirmed();
		OrderHistory nextDay = anOrder().withTotal("1.00", "CHF")
			.at(start.plusSeconds(80_000))
			.placed()
			.charged()
			.at(start.plusSeconds(86_400))
			.confirmed();
		OrderHistory yen = anOrder().withTotal("500", "JPY").at(start.plusSeconds(10)).placed().charged().confirmed();
		OrderHistory confirmedTheDayBefore = anOrder().withTotal("5.00", "CHF")
			.at(start.minusSeconds(60))
			.placed()
			.charged()
			.confirmed()
			.at(start.plusSeconds(7200))
			.refunded();
		OrderHistory rejected = anOrder().withTotal("0.70", "CHF")
			.at(start.plusSeconds(100))
			.placed()
			.charged()
			.refunded()
			.rejected("OUT_OF_STOCK");
		OrderHistory neverCharged = anOrder().withTotal("3.00", "CHF")
			.at(start.plusSeconds(200))
			.placed()
			.refundedNothing()
			.cancelled();

		for (OrderHistory history : List.of(tenCents, twentyCents, nextDay, yen, rejected, neverCharged)) {
			// every event twice
			history.events().forEach(driver::publish);
			history.events().forEach(driver::publish);
		}
		// the refund reported before the confirmation, and again after it
		confirmedTheDayBefore.otherEvents().forEach(driver::publish);
		confirmedTheDayBefore.ordersEvents().forEach(driver::publish);
		confirmedTheDayBefore.otherEvents().forEach(driver::publish);

		String range = "/reports/revenue?from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
		List<String> expected = List.of(day.minusDays(1) + " CHF 5.00/1 0/0 5.00", day + " CHF 0.30/2 5.00/1 -4.70",
				day + " JPY 500/1 0/0 500", day.plusDays(1) + " CHF 1.00/1 0/0 1.00");
		// wait for the expected report; the assertion below shows any difference
		QueryTestDriver.eventually(() -> rows(driver.get(range)).equals(expected));
		// every duplicate has been consumed too: compare what it left
		driver.awaitAllConsumed();
		HttpResponse<String> response = driver.get(range);
		assertThat(rows(response)).isEqualTo(expected);

		JsonNode report = exact().readTree(response.body());
		assertThat(report.get("timeZone").asString()).isEqualTo("UTC");
		assertThat(report.get("from").asString()).isEqualTo(day.minusDays(1).toString());
		assertThat(report.at("/days/1/confirmed").decimalValue()).isEqualTo(new BigDecimal("0.30"));
		Document stored = mongo.getCollection(catalog.activeCollection(OrderRevenue.PROJECTION))
			.find(new Document("_id", tenCents.orderId()))
			.first();
		assertThat(stored.get("total")).isInstanceOf(Decimal128.class);
		assertThat(mongo.findById(twentyCents.orderId(), OrderRevenue.class,
				catalog.activeCollection(OrderRevenue.PROJECTION)))
			.extracting(OrderRevenue::confirmedOn)
			.isEqualTo(day.toString());
	}

	@Test
	void aDayWithoutRevenueIsAnEmptyReport() throws Exception {
		LocalDate day = aDayOfItsOwn();

		HttpResponse<String> response = driver.get("/reports/revenue?from=" + day + "&to=" + day);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("days")).isEmpty();
	}

	@Test
	void aRangeOfAYearIncludingALeapDayIsAccepted() {
		HttpResponse<String> response = driver.get("/reports/revenue?from=2028-01-01&to=2028-12-31");

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void invalidDatesAndRangesAre400WithTheParameterNamed() throws Exception {
		Map<String, String> queries = Map.of("/reports/revenue?from=2026-11-27&to=2026-11-26", "to",
				"/reports/revenue?from=2026-01-01&to=2027-01-02", "to", "/reports/revenue?to=2026-11-27", "from",
				"/reports/revenue?from=2026-11-27", "to", "/reports/revenue?from=2026-13-01&to=2026-11-27", "from",
				"/reports/revenue?from=yesterday&to=2026-11-27", "from",
				"/reports/revenue?from=2026-11-27&to=27.11.2026", "to");
		driver.assertBadParameters(queries);
	}

	/**
	 * Each day of the report as
	 * {@code date currency confirmed/orders refunded/orders net}, the amounts as the
	 * exact decimals of the answer.
	 */
	private List<String> rows(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return exact().readTree(response.body())
			.get("days")
			.valueStream()
			.map((day) -> day.get("date").asString() + " " + day.get("currency").asString() + " "
					+ day.get("confirmed").decimalValue().toPlainString() + "/" + day.get("confirmedOrders").asLong()
					+ " " + day.get("refunded").decimalValue().toPlainString() + "/"
					+ day.get("refundedOrders").asLong() + " " + day.get("net").decimalValue().toPlainString())
			.toList();
	}

	/**
	 * Reads JSON numbers as they are written, not as doubles.
	 */
	private JsonMapper exact() {
		return json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	private static LocalDate aDayOfItsOwn() {
		return LocalDate.of(2030, 1, 1).plusDays(new Random().nextInt(20_000));
	}

}
