package com.example.shop.order.query;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderLine;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.ShippingAddress;
import com.example.shop.order.query.view.OrderSummary;
import com.example.shop.order.query.view.ProjectionCatalog;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild from offset 0 while reads go on: the rebuilt view equals the live one, no
 * read fails, the old collection is gone, and events after the switch reach the new view.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class ProjectionRebuildIT {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	QueryTestDriver driver;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectionCatalog catalog;

	@Autowired
	JsonMapper json;

	@Test
	void rebuildsIntoAFreshCollectionWhileReadsGoOnAndSwitchesAtomically() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			driver.publish(placed(id, i), 1);
			if (i % 3 == 0) {
				driver.publish(new OrderConfirmed(id, T0.plusSeconds(100 + i)), 2);
			}
		}
		for (int i = 0; i < ids.size(); i++) {
			driver.awaitVersion(ids.get(i), (i % 3 == 0) ? 2 : 1);
		}
		ProjectionCatalog.Pointer before = catalog.pointer(ProjectionCatalog.ORDER_SUMMARY);
		List<OrderSummary> live = documents(before.collection());

		AtomicBoolean reading = new AtomicBoolean(true);
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			while (reading.get()) {
				statuses.add(driver.get("/orders/" + ids.get(statuses.size() % ids.size())).statusCode());
			}
		});
		HttpResponse<String> started = driver.post("/projections/order-summary/rebuild");
		assertThat(started.statusCode()).isEqualTo(202);
		awaitSwitch(before.generation() + 1);
		reading.set(false);
		reader.get(10, TimeUnit.SECONDS);

		ProjectionCatalog.Pointer after = catalog.pointer(ProjectionCatalog.ORDER_SUMMARY);
		assertThat(after.collection()).isEqualTo(json.readTree(started.body()).get("collection").asString())
			.isNotEqualTo(before.collection());
		assertThat(documents(after.collection())).usingRecursiveFieldByFieldElementComparator()
			.containsExactlyElementsOf(live);
		assertThat(statuses).isNotEmpty().containsOnly(200);
		QueryTestDriver.awaitTrue(() -> !mongo.collectionExists(before.collection()));

		String late = UUID.randomUUID().toString();
		driver.publish(placed(late, 99), 1);
		driver.awaitVersion(late, 1);
		assertThat(mongo.findById(late, OrderSummary.class, after.collection())).isNotNull();

		JsonNode status = json.readTree(driver.get("/projections").body()).get(0);
		assertThat(status.get("name").asString()).isEqualTo("order-summary");
		assertThat(status.get("state").asString()).isEqualTo("LIVE");
		assertThat(status.get("generation").asLong()).isEqualTo(before.generation() + 1);
		assertThat(status.get("positions").size()).isPositive();
		assertThat(status.get("lagP99Millis").asDouble()).isPositive();
	}

	@Test
	void anUnknownProjectionCannotBeRebuilt() {
		HttpResponse<String> response = driver.post("/projections/no-such-view/rebuild");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private static OrderPlaced placed(String id, int i) {
		return new OrderPlaced(id, "C-" + (200_000 + i), List.of(new OrderLine("SKU-1", 1 + i, BigDecimal.ONE)), "EUR",
				BigDecimal.valueOf(1 + i), new ShippingAddress("Ada", "1 Main St", "London", "N1", "GB"),
				T0.plusSeconds(i));
	}

	private List<OrderSummary> documents(String collection) {
		return mongo.findAll(OrderSummary.class, collection)
			.stream()
			.sorted(Comparator.comparing(OrderSummary::id))
			.toList();
	}

	private void awaitSwitch(long generation) {
		QueryTestDriver.awaitTrue(() -> {
			ProjectionCatalog.Pointer pointer = catalog.pointer(ProjectionCatalog.ORDER_SUMMARY);
			return pointer.generation() >= generation && "LIVE".equals(pointer.state());
		});
	}

}
