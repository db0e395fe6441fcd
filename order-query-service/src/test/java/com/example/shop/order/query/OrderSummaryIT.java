package com.example.shop.order.query;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderLine;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;
import com.example.shop.contracts.orders.ShippingAddress;
import com.example.shop.order.query.view.OrderSummary;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order summary view fed from a real broker into the MongoDB the service is
 * configured with, and read over HTTP.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class OrderSummaryIT {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	@Test
	void duplicatesAndRedeliveriesGiveTheViewOfFoldingEachEventOnce() throws Exception {
		Random random = new Random(42);
		List<List<Object>> histories = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			histories.add(history(UUID.randomUUID().toString(), random.nextInt(4)));
		}
		// each order's events in order, some sent twice; orders interleaved
		List<Runnable> sends = new ArrayList<>();
		for (List<Object> history : histories) {
			for (int v = 0; v < history.size(); v++) {
				int version = v + 1;
				Object event = history.get(v);
				sends.add(() -> driver.publish(event, version));
				if (random.nextBoolean()) {
					sends.add(() -> driver.publish(event, version));
				}
			}
		}
		sends.forEach(Runnable::run);
		// then a redelivery of everything, as after a consumer group reset
		histories.forEach((history) -> {
			for (int v = 0; v < history.size(); v++) {
				driver.publish(history.get(v), v + 1);
			}
		});
		for (List<Object> history : histories) {
			driver.awaitVersion(((OrderPlaced) history.get(0)).orderId(), history.size());
		}
		// every order reached its last version; let any duplicate still in flight arrive,
		// then compare
		Thread.sleep(1000);
		for (List<Object> history : histories) {
			String id = ((OrderPlaced) history.get(0)).orderId();
			OrderSummary summary = driver.summary(id);
			assertThat(summary).isNotNull();
			assertThat(summary.version()).isEqualTo(history.size());
			assertThat(summary.status()).isEqualTo(expectedStatus(history));
			assertThat(summary.timeline()).extracting(OrderSummary.Step::event)
				.containsExactlyElementsOf(history.stream().map((e) -> e.getClass().getSimpleName()).toList());
			assertThat(summary.total()).isEqualByComparingTo("44.98");
			assertThat(summary.customerId()).isEqualTo("C-000123");
		}
	}

	@Test
	void aReadWithMinVersionWaitsForTheViewToCatchUp() throws Exception {
		String id = UUID.randomUUID().toString();
		List<Object> history = history(id, 1);
		driver.publish(history.get(0), 1);
		driver.awaitVersion(id, 1);

		CompletableFuture<HttpResponse<String>> read = CompletableFuture
			.supplyAsync(() -> driver.get("/orders/" + id + "?minVersion=2"));
		Thread.sleep(300);
		driver.publish(history.get(1), 2);

		HttpResponse<String> response = read.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void aReadWithAVersionTheViewDoesNotReachIs503WithRetryAfter() throws Exception {
		String id = UUID.randomUUID().toString();
		driver.publish(history(id, 0).get(0), 1);
		driver.awaitVersion(id, 1);

		long start = System.nanoTime();
		HttpResponse<String> response = driver.get("/orders/" + id + "?minVersion=5");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
		assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 6_000L);
	}

	@Test
	void aCustomersOrdersArePagedNewestFirstAndFilteredByStatus() throws Exception {
		String customer = "C-" + (100_000 + new Random().nextInt(900_000));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			driver.publish(new OrderPlaced(id, customer, List.of(new OrderLine("SKU-1", 1, BigDecimal.TEN)), "EUR",
					BigDecimal.TEN, new ShippingAddress("Ada", "1 Main St", "London", "N1", "GB"), T0.plusSeconds(i)),
					1);
			if (i % 2 == 0) {
				driver.publish(new OrderConfirmed(id, T0.plusSeconds(10 + i)), 2);
			}
		}
		for (int i = 0; i < 5; i++) {
			driver.awaitVersion(ids.get(i), (i % 2 == 0) ? 2 : 1);
		}

		JsonNode first = json.readTree(driver.get("/customers/" + customer + "/orders?size=2").body());
		JsonNode last = json.readTree(driver.get("/customers/" + customer + "/orders?size=2&page=2").body());
		JsonNode confirmed = json.readTree(driver.get("/customers/" + customer + "/orders?status=CONFIRMED").body());
		JsonNode capped = json.readTree(driver.get("/customers/" + customer + "/orders?size=500").body());

		assertThat(first.get("totalElements").asLong()).isEqualTo(5);
		assertThat(first.get("totalPages").asLong()).isEqualTo(3);
		assertThat(first.get("orders").findValuesAsString("orderId")).containsExactly(ids.get(4), ids.get(3));
		assertThat(last.get("orders").findValuesAsString("orderId")).containsExactly(ids.get(0));
		assertThat(confirmed.get("orders").findValuesAsString("orderId")).containsExactly(ids.get(4), ids.get(2),
				ids.get(0));
		assertThat(capped.get("size").asInt()).isEqualTo(100);
		assertThat(capped.get("orders")).hasSize(5);
	}

	@Test
	void invalidPagingOrFilterIs400() {
		for (String query : List.of("/customers/C-000123/orders?size=0", "/customers/C-000123/orders?page=-1",
				"/customers/C-000123/orders?status=SHIPPED", "/customers/bob/orders",
				"/customers/C-000123/orders?size=ten")) {
			HttpResponse<String> response = driver.get(query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
		}
	}

	@Test
	void anUnknownOrderIs404() {
		HttpResponse<String> response = driver.get("/orders/" + UUID.randomUUID());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * An order's events: placed, then per ending 0 nothing, 1 confirmed, 2 rejected, 3
	 * cancelled on request.
	 */
	private static List<Object> history(String id, int ending) {
		List<Object> events = new ArrayList<>();
		events.add(new OrderPlaced(id, "C-000123",
				List.of(new OrderLine("SKU-1", 2, new BigDecimal("19.99")),
						new OrderLine("SKU-2", 1, new BigDecimal("5.00"))),
				"EUR", new BigDecimal("44.98"), new ShippingAddress("Ada", "1 Main St", "London", "N1", "GB"), T0));
		switch (ending) {
			case 1 -> events.add(new OrderConfirmed(id, T0.plusSeconds(1)));
			case 2 -> events.add(new OrderRejected(id, "OUT_OF_STOCK", T0.plusSeconds(1)));
			case 3 -> {
				events.add(new OrderCancellationRequested(id, T0.plusSeconds(1)));
				events.add(new OrderCancelled(id, T0.plusSeconds(2)));
			}
			default -> {
			}
		}
		return Collections.unmodifiableList(events);
	}

	private static String expectedStatus(List<Object> history) {
		return switch (history.get(history.size() - 1)) {
			case OrderPlaced placed -> "PENDING";
			case OrderConfirmed confirmed -> "CONFIRMED";
			case OrderRejected rejected -> "REJECTED";
			case OrderCancelled cancelled -> "CANCELLED";
			default -> throw new IllegalStateException();
		};
	}

}
