package com.example.shop.order.query;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderLine;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.ShippingAddress;
import com.example.shop.order.query.view.OrderSummary;
import com.example.shop.order.query.view.ProjectionCatalog;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild from offset 0 while reads go on: the rebuilt view equals the live one, no
 * read fails, the old collection is gone, and events after the switch reach the new view.
 */
@ServiceIntegrationTest
class ProjectionRebuildIT {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ProjectionCatalog catalog;

	@Autowired
	JsonMapper json;

	@Value("${local.server.port}")
	int port;

	@Test
	void rebuildsIntoAFreshCollectionWhileReadsGoOnAndSwitchesAtomically() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			send(id, placed(id, i), "OrderPlaced", 1);
			if (i % 3 == 0) {
				send(id, new OrderConfirmed(id, T0.plusSeconds(100 + i)), "OrderConfirmed", 2);
			}
		}
		for (int i = 0; i < ids.size(); i++) {
			awaitVersion(ids.get(i), (i % 3 == 0) ? 2 : 1);
		}
		ProjectionCatalog.Pointer before = catalog.pointer(ProjectionCatalog.ORDER_SUMMARY);
		List<OrderSummary> live = documents(before.collection());

		AtomicBoolean reading = new AtomicBoolean(true);
		List<Integer> statuses = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			while (reading.get()) {
				statuses.add(get("/orders/" + ids.get(statuses.size() % ids.size())).statusCode());
			}
		});
		HttpResponse<String> started = post("/projections/order-summary/rebuild");
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
		awaitTrue(() -> !mongo.collectionExists(before.collection()));

		String late = UUID.randomUUID().toString();
		send(late, placed(late, 99), "OrderPlaced", 1);
		awaitVersion(late, 1);
		assertThat(mongo.findById(late, OrderSummary.class, after.collection())).isNotNull();

		JsonNode status = json.readTree(get("/projections").body()).get(0);
		assertThat(status.get("name").asString()).isEqualTo("order-summary");
		assertThat(status.get("state").asString()).isEqualTo("LIVE");
		assertThat(status.get("generation").asLong()).isEqualTo(before.generation() + 1);
		assertThat(status.get("positions").size()).isPositive();
		assertThat(status.get("lagP99Millis").asDouble()).isPositive();
	}

	@Test
	void anUnknownProjectionCannotBeRebuilt() {
		HttpResponse<String> response = post("/projections/no-such-view/rebuild");

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

	private void send(String key, Object event, String type, long version) {
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_EVENTS, key,
				json.writeValueAsString(event));
		record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_sequence", String.valueOf(version).getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
		try {
			kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitVersion(String id, long version) {
		awaitTrue(() -> {
			OrderSummary summary = mongo.findById(id, OrderSummary.class,
					catalog.activeCollection(ProjectionCatalog.ORDER_SUMMARY));
			return summary != null && summary.version() >= version;
		});
	}

	private void awaitSwitch(long generation) {
		awaitTrue(() -> {
			ProjectionCatalog.Pointer pointer = catalog.pointer(ProjectionCatalog.ORDER_SUMMARY);
			return pointer.generation() >= generation && "LIVE".equals(pointer.state());
		});
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) {
		Instant deadline = Instant.now().plusSeconds(60);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition within 60 s").isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
	}

	private HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OrdersTopic {

		@Bean
		NewTopic ordersEvents() {
			return TopicBuilder.name(Topics.ORDERS_EVENTS).partitions(3).build();
		}

	}

}
