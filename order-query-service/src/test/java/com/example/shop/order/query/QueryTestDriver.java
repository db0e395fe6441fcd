package com.example.shop.order.query;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.example.shop.contracts.Event;
import com.example.shop.contracts.MessageType;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.OrderEvent;
import com.example.shop.contracts.Topics;
import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.revenue.OrderRevenue;
import com.example.shop.order.query.summary.OrderSummary;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the running query service as the other services would: publishes orders events
 * the way the command side does and payments and inventory events the way the
 * participants do, waits for the views, and calls the REST API.
 */
class QueryTestDriver {

	/** The consumer group of the live projections (see ProjectionListeners). */
	private static final String PROJECTIONS_GROUP = "order-query-service.projections";

	/** How long the driver waits for the projections. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private final KafkaTemplate<String, String> kafka;

	private final ConsumerFactory<String, byte[]> consumers;

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	private final JsonMapper json;

	private final ServiceApi api;

	QueryTestDriver(KafkaTemplate<String, String> kafka, ConsumerFactory<String, byte[]> consumers, MongoTemplate mongo,
			ProjectionCatalog catalog, JsonMapper json, ServiceApi api) {
		this.kafka = kafka;
		this.consumers = consumers;
		this.mongo = mongo;
		this.catalog = catalog;
		this.json = json;
		this.api = api;
	}

	/**
	 * Publishes an orders event at its stream version, keyed by order id, with the
	 * command side's headers.
	 */
	void publish(OrderEvent event, long version) {
		ProducerRecord<String, String> record = record(event);
		header(record, CloudEventHeaders.SEQUENCE, String.valueOf(version));
		send(record);
	}

	/**
	 * Publishes a payments or inventory event on its context's topic, keyed by order id,
	 * with the headers of the participants' outbox: no stream version.
	 */
	void publish(Event event) {
		if (event instanceof OrderEvent) {
			throw new IllegalArgumentException("An orders event needs its stream version: " + event);
		}
		send(record(event));
	}

	/**
	 * Publishes any contract event: an orders event at its stream version, any other
	 * without one.
	 */
	void publish(OrderHistory.Published published) {
		if (published.event() instanceof OrderEvent event) {
			publish(event, published.version());
		}
		else {
			publish(published.event());
		}
	}

	/**
	 * Publishes a record as it is given, keyed by order id: for records that cannot be
	 * applied.
	 * @param version the {@code ce_sequence} header, none when {@code null}
	 */
	void publishRaw(String topic, String orderId, String type, String json, Long version) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, orderId, json);
		header(record, CloudEventHeaders.TYPE, type);
		header(record, CloudEventHeaders.TIME, Instant.now().toString());
		header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
		if (version != null) {
			header(record, CloudEventHeaders.SEQUENCE, String.valueOf(version));
		}
		send(record);
	}

	/**
	 * The values of the records with this key on a topic, from its start to its end now.
	 */
	List<String> valuesOn(String topic, String key) {
		return recordsOn(topic, key).stream()
			.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.toList();
	}

	/**
	 * Why each record with this key on a dead-letter topic was dead-lettered: the
	 * exception message the error handler put in a header.
	 */
	List<String> deadLetterReasons(String topic, String key) {
		return recordsOn(topic, key).stream().map((record) -> {
			var header = record.headers().lastHeader("kafka_dlt-exception-message");
			return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
		}).toList();
	}

	private List<ConsumerRecord<String, byte[]>> recordsOn(String topic, String key) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = this.consumers.createConsumer("query-test-" + UUID.randomUUID(),
				null)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

	private ProducerRecord<String, String> record(Event event) {
		MessageType type = MessageTypes.of(event);
		ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.orderId().value(),
				this.json.writeValueAsString(event));
		header(record, CloudEventHeaders.TYPE, type.name());
		header(record, CloudEventHeaders.DATA_SCHEMA, type.dataSchema());
		header(record, CloudEventHeaders.TIME, Instant.now().toString());
		header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
		return record;
	}

	private void send(ProducerRecord<String, String> record) {
		try {
			this.kafka.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void header(ProducerRecord<String, String> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The order's summary in the collection that serves the view now, or {@code null}.
	 */
	OrderSummary summary(String orderId) {
		return this.mongo.findById(orderId, OrderSummary.class, this.catalog.activeCollection(OrderSummary.PROJECTION));
	}

	/**
	 * Puts a document into the order summary's serving collection whose {@code payment}
	 * is not a subdocument, so that the server refuses every update of a payment field.
	 */
	void corruptSummary(String orderId) {
		this.mongo.getCollection(this.catalog.activeCollection(OrderSummary.PROJECTION))
			.insertOne(new Document("_id", orderId).append("version", 0L).append("payment", "corrupt"));
	}

	void deleteSummary(String orderId) {
		this.mongo.getCollection(this.catalog.activeCollection(OrderSummary.PROJECTION))
			.deleteOne(new Document("_id", orderId));
	}

	/**
	 * The raw document of the order's summary, without mapping it.
	 */
	Document rawSummary(String orderId) {
		return raw(OrderSummary.PROJECTION, orderId);
	}

	/**
	 * The raw document of the order in the revenue report, {@code null} for none.
	 */
	Document rawRevenue(String orderId) {
		return raw(OrderRevenue.PROJECTION, orderId);
	}

	private Document raw(String projection, String orderId) {
		return this.mongo.getCollection(this.catalog.activeCollection(projection))
			.find(new Document("_id", orderId))
			.first();
	}

	/**
	 * Waits until the projections' consumer group has committed offsets past every record
	 * published so far on the three events topics: by then everything sent, duplicates
	 * included, has been applied or dead-lettered. Checks that nothing more arrives are
	 * made after this, not after a pause.
	 */
	void awaitAllConsumed() {
		try (Consumer<String, byte[]> group = this.consumers.createConsumer(PROJECTIONS_GROUP, "-await-consumed")) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS)) {
				group.partitionsFor(topic)
					.forEach((partition) -> partitions.add(new TopicPartition(topic, partition.partition())));
			}
			Map<TopicPartition, Long> ends = group.endOffsets(partitions);
			awaitTrue(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = group.committed(Set.copyOf(partitions));
				return ends.entrySet()
					.stream()
					.allMatch((end) -> end.getValue() == 0 || (committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() >= end.getValue()));
			});
		}
	}

	void awaitVersion(String orderId, long version) {
		awaitTrue(() -> {
			OrderSummary summary = summary(orderId);
			return summary != null && summary.version() >= version;
		});
	}

	static void awaitTrue(BooleanSupplier condition) {
		Eventually.awaitTrue(WAIT, condition);
	}

	/**
	 * Waits up to 60 s for the condition, for a caller that then asserts what it expected
	 * and so reports the difference when it did not come.
	 * @return whether the condition came true
	 */
	static boolean eventually(BooleanSupplier condition) {
		return Eventually.holds(WAIT, condition);
	}

	HttpResponse<String> get(String path) {
		return this.api.get(path);
	}

	HttpResponse<String> get(String path, TestPrincipal principal) {
		return this.api.as(principal).get(path);
	}

	HttpResponse<String> post(String path) {
		return this.api.post(path);
	}

	/**
	 * Asserts that each query is answered 400 problem details whose {@code errors} name
	 * the one parameter it gets wrong.
	 * @param parameterByQuery each query, with that parameter
	 */
	void assertBadParameters(Map<String, String> parameterByQuery) {
		parameterByQuery.forEach((query, parameter) -> {
			HttpResponse<String> response = get(query);
			ServiceApi.assertProblem(response, 400);
			assertThat(this.json.readTree(response.body()).get("errors").findValuesAsString("field")).as(query)
				.containsExactly(parameter);
		});
	}

	/**
	 * The driver, and the topics that their owners create in a real deployment:
	 * {@code orders.events} (order-command-service), {@code payments.events}
	 * (payment-service), {@code inventory.events} (inventory-service).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		KafkaAdmin.NewTopics eventTopics() {
			return TopicDeclarations.of(3,
					List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS), List.of());
		}

		@Bean
		QueryTestDriver queryTestDriver(KafkaTemplate<String, String> kafka, ConsumerFactory<String, byte[]> consumers,
				MongoTemplate mongo, ProjectionCatalog catalog, JsonMapper json, ServiceApi api) {
			return new QueryTestDriver(kafka, consumers, mongo, catalog, json, api);
		}

	}

}
