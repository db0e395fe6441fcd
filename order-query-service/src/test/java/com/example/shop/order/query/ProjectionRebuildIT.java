package com.example.shop.order.query;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import com.example.shop.contracts.MessageTypes;
import com.example.shop.order.query.manifest.ManifestEntry;
import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.revenue.OrderRevenue;
import com.example.shop.order.query.summary.OrderSummary;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static com.example.shop.order.query.OrderHistory.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of each projection from offset 0 while reads go on: the rebuilt view equals
 * the live one document for document, no read fails, the old collection is gone, and
 * events after the switch reach the new view.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class ProjectionRebuildIT {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectionCatalog catalog;

	@Autowired
	JsonMapper json;

	@Test
	void rebuildsTheOrderSummaryFromAllThreeTopicsWhileReadsGoOn() throws Exception {
		List<OrderHistory> histories = histories(40, OrderHistory.T0);
		OrderHistory last = histories.get(histories.size() - 1);

		rebuildWhileReading(OrderSummary.PROJECTION, "/orders/" + last.orderId(), OrderSummary.class);

		OrderHistory late = anOrder().placed().charged();
		late.events().forEach(driver::publish);
		QueryTestDriver.awaitTrue(() -> {
			OrderSummary summary = driver.summary(late.orderId());
			return summary != null && summary.version() == 1 && summary.payment() != null;
		});
		assertThat(
				mongo.findById(late.orderId(), OrderSummary.class, catalog.activeCollection(OrderSummary.PROJECTION)))
			.isNotNull();

		JsonNode projections = json.readTree(driver.get("/projections").body());
		assertThat(projections.findValuesAsString("name")).containsExactly("order-summary", "revenue-report",
				"shipping-manifest");
		JsonNode status = projections.get(0);
		assertThat(status.get("state").asString()).isEqualTo("LIVE");
		assertThat(status.get("positions").propertyNames()).contains("orders.events-0", "payments.events-0");
		assertThat(status.get("lagP99Millis").asDouble()).isPositive();
	}

	@Test
	void rebuildsTheRevenueReportIntoIdenticalDocumentsWhileReadsGoOn() throws Exception {
		LocalDate day = LocalDate.of(2030, 1, 1).plusDays(new Random().nextInt(20_000));
		List<OrderHistory> histories = histories(30, day.atStartOfDay(ZoneOffset.UTC).toInstant());
		String report = "/reports/revenue?from=" + day + "&to=" + day.plusDays(1);
		QueryTestDriver.awaitTrue(() -> json.readTree(driver.get(report).body()).get("days").size() > 0);
		awaitApplied(histories, (history) -> {
			OrderRevenue revenue = mongo.findById(history.orderId(), OrderRevenue.class,
					catalog.activeCollection(OrderRevenue.PROJECTION));
			return revenue != null && revenue.total() != null
					&& (revenue.confirmedOn() != null) == has(history, "OrderConfirmed")
					&& (revenue.refundedOn() != null) == has(history, "PaymentRefunded");
		});
		String before = driver.get(report).body();

		rebuildWhileReading(OrderRevenue.PROJECTION, report, OrderRevenue.class);

		assertThat(driver.get(report).body()).isEqualTo(before);
		assertProjectionListed(OrderRevenue.PROJECTION);
	}

	@Test
	void rebuildsTheShippingManifestIntoIdenticalDocumentsWhileReadsGoOn() throws Exception {
		LocalDate day = LocalDate.of(2030, 1, 1).plusDays(new Random().nextInt(20_000));
		List<OrderHistory> histories = histories(30, day.atStartOfDay(ZoneOffset.UTC).toInstant());
		String manifest = "/shipments?date=" + day;
		awaitApplied(histories, (history) -> {
			ManifestEntry entry = mongo.findById(history.orderId(), ManifestEntry.class,
					catalog.activeCollection(ManifestEntry.PROJECTION));
			return has(history, "ShipmentCreated") ? entry != null && entry.shippedOn() != null
					&& (entry.cancelledAt() != null) == has(history, "ShipmentCancelled") : entry == null;
		});
		String before = driver.get(manifest).body();
		assertThat(json.readTree(before).get("shipments").findValuesAsString("status")).contains("CREATED",
				"CANCELLED");

		rebuildWhileReading(ManifestEntry.PROJECTION, manifest, ManifestEntry.class);

		assertThat(driver.get(manifest).body()).isEqualTo(before);
		assertProjectionListed(ManifestEntry.PROJECTION);
	}

	/**
	 * Orders placed all through a rebuild, the switch included, all reach the rebuilt
	 * view. Live listeners follow the switch only within
	 * {@link ProjectionCatalog#POINTER_REFRESH} and write to the old collection until
	 * then; the rebuild must read on past that.
	 */
	@Test
	void ordersPlacedThroughoutARebuildAllReachTheRebuiltView() throws Exception {
		ProjectionCatalog.Pointer before = catalog.pointer(OrderSummary.PROJECTION);
		List<String> placed = new CopyOnWriteArrayList<>();
		AtomicBoolean placing = new AtomicBoolean(true);
		CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
			while (placing.get()) {
				OrderHistory order = anOrder().placed();
				order.events().forEach(driver::publish);
				placed.add(order.orderId());
				LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
		});

		assertThat(driver.post("/projections/order-summary/rebuild").statusCode()).isEqualTo(202);
		QueryTestDriver.awaitTrue(() -> {
			ProjectionCatalog.Pointer pointer = catalog.pointer(OrderSummary.PROJECTION);
			return pointer.generation() > before.generation() && "LIVE".equals(pointer.state());
		});
		// on past the switch, every listener's next look at the pointer and the rebuild's
		// read-on: until the rebuild has dropped the old collection
		QueryTestDriver.awaitTrue(() -> !mongo.collectionExists(before.collection()));
		placing.set(false);
		publisher.get(10, TimeUnit.SECONDS);

		String rebuilt = catalog.pointer(OrderSummary.PROJECTION).collection();
		assertThat(placed).hasSizeGreaterThan(50);
		QueryTestDriver.awaitTrue(() -> placed.stream()
			.allMatch((orderId) -> mongo.findById(orderId, OrderSummary.class, rebuilt) != null));
	}

	@Test
	void anUnknownProjectionCannotBeRebuilt() {
		HttpResponse<String> response = driver.post("/projections/no-such-view/rebuild");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * Orders from {@code start} on, a minute apart: every third completed, every third
	 * cancelled after its shipment, the others charged and pending; all published and in
	 * the order summary.
	 */
	private List<OrderHistory> histories(int count, Instant start) {
		List<OrderHistory> histories = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			OrderHistory history = anOrder().by("C-" + (200_000 + i))
				.withTotal((1 + i) + ".25", "EUR")
				.at(start.plusSeconds(60L * i))
				.placed()
				.charged();
			switch (i % 3) {
				case 0 -> history.reserved().shipped().confirmed();
				case 1 -> history.cancellationRequested()
					.reserved()
					.shipped()
					.shipmentCancelled()
					.released()
					.refunded()
					.cancelled();
				default -> {
				}
			}
			history.events().forEach(driver::publish);
			histories.add(history);
		}
		for (OrderHistory history : histories) {
			QueryTestDriver.awaitTrue(() -> {
				OrderSummary summary = driver.summary(history.orderId());
				return summary != null && summary.version() == history.version()
						&& summary.compactTimeline().size() == history.events().size();
			});
		}
		return histories;
	}

	private static void awaitApplied(List<OrderHistory> histories, Predicate<OrderHistory> applied) {
		for (OrderHistory history : histories) {
			QueryTestDriver.awaitTrue(() -> applied.test(history));
		}
	}

	private static boolean has(OrderHistory history, String event) {
		return history.events()
			.stream()
			.anyMatch((published) -> MessageTypes.of(published.event()).name().equals(event));
	}

	/**
	 * Rebuilds the projection while another thread reads from it over HTTP, then checks
	 * that the rebuilt collection holds exactly the documents the live one held, that
	 * every read succeeded and that the old collection is dropped.
	 */
	private <T> void rebuildWhileReading(String projection, String readPath, Class<T> type) throws Exception {
		ProjectionCatalog.Pointer before = catalog.pointer(projection);
		List<Document> live = documents(before.collection());

		AtomicBoolean reading = new AtomicBoolean(true);
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			while (reading.get()) {
				statuses.add(driver.get(readPath).statusCode());
			}
		});
		HttpResponse<String> started = driver.post("/projections/" + projection + "/rebuild");
		assertThat(started.statusCode()).isEqualTo(202);
		QueryTestDriver.awaitTrue(() -> {
			ProjectionCatalog.Pointer pointer = catalog.pointer(projection);
			return pointer.generation() > before.generation() && "LIVE".equals(pointer.state());
		});
		reading.set(false);
		reader.get(10, TimeUnit.SECONDS);

		ProjectionCatalog.Pointer after = catalog.pointer(projection);
		assertThat(after.collection()).isEqualTo(json.readTree(started.body()).get("collection").asString())
			.isNotEqualTo(before.collection());
		assertThat(documents(after.collection())).isEqualTo(live);
		assertThat(mongo.findAll(type, after.collection())).hasSameSizeAs(live);
		assertThat(statuses).isNotEmpty().containsOnly(200);
		QueryTestDriver.awaitTrue(() -> !mongo.collectionExists(before.collection()));
	}

	private void assertProjectionListed(String projection) {
		JsonNode status = json.readTree(driver.get("/projections").body())
			.valueStream()
			.filter((node) -> projection.equals(node.get("name").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(status.get("state").asString()).isEqualTo("LIVE");
		assertThat(status.get("collection").asString()).isEqualTo(catalog.activeCollection(projection));
		assertThat(status.get("positions").size()).isPositive();
		assertThat(status.get("lastAppliedAt").asString()).isNotBlank();
	}

	/**
	 * The collection's documents as stored, field for field, by id.
	 */
	private List<Document> documents(String collection) {
		return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
	}

}
