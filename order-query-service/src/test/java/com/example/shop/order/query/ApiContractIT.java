package com.example.shop.order.query;

import java.time.Instant;
import java.util.List;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.openapi.ApiContractTests;
import com.example.shop.platform.testsupport.openapi.ApiFuzzer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST contract of the running service: it serves the committed
 * {@code docs/api/order-query-service.json}, and every documented example answers a
 * documented status, with no field its schema leaves out.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
// generated reads ask for versions the view never reaches: each answers 503 after this
@TestPropertySource(properties = "shop.query.read-your-writes-timeout=100ms")
class ApiContractIT extends ApiContractTests {

	private static final String EXAMPLE_ORDER = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b";

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	/**
	 * The order the documented examples name, placed, charged, reserved, shipped and
	 * confirmed on the day they name: every read then answers a whole document, and the
	 * replay checks each of its fields against the schema.
	 */
	@BeforeEach
	void theExamplesOrder() {
		if (driver.summary(EXAMPLE_ORDER) == null) {
			OrderHistory order = OrderHistory.anOrder()
				.withId(EXAMPLE_ORDER)
				.by("C-000123")
				.at(Instant.parse("2026-12-02T10:00:00Z"))
				.placed()
				.charged()
				.reserved()
				.shipped()
				.confirmed();
			order.events().forEach(driver::publish);
			driver.awaitVersion(EXAMPLE_ORDER, 2);
			driver.awaitAllConsumed();
		}
	}

	@Override
	protected void replayed(List<String> calls) {
		assertThat(calls).contains("GET /orders/{orderId} -> 200", "GET /customers/{customerId}/orders -> 200",
				"GET /reports/revenue -> 200", "GET /shipments -> 200");
		assertThat(calls).contains("POST /projections/{name}/rebuild -> 202");
		everyProjectionIsLive();
	}

	@Override
	protected void fuzzed(ApiFuzzer.Run run) {
		super.fuzzed(run);
		everyProjectionIsLive();
	}

	/**
	 * A documented example starts a rebuild, and so may a generated request: the tests
	 * after this one find every projection live.
	 */
	private void everyProjectionIsLive() {
		QueryTestDriver.awaitTrue(() -> this.json.readTree(this.driver.get("/projections").body())
			.findValuesAsString("state")
			.stream()
			.allMatch("LIVE"::equals));
	}

}
