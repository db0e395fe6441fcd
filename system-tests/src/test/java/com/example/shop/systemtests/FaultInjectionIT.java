package com.example.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected while a load generator places orders at a steady rate; afterwards the
 * run waits until the system is quiet and consistent, and the invariant checker holds it
 * to every promise: each order (also one whose placing got no answer) ended in exactly
 * one state with money and stock to match, nothing acknowledged was lost, no outbox row
 * is left, every stream is gapless, and the read model is the fold of the event store.
 * <p>
 * The load runs {@code shop.faults.seconds} per scenario: 20 s in the build, and
 * {@code -Dshop.faults.seconds=600} for the long version (see the README). Each scenario
 * adds a row to {@code target/fault-report.md}, with what the fault did in figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

	private static final int RATE = 10;

	private static final Duration QUIESCENCE = Duration.ofSeconds(180);

	private static final AtomicInteger IDS = new AtomicInteger(
			(int) (500_000 + Math.floorMod(System.nanoTime(), 4000L) * 100));

	private final Duration duration = Duration.ofSeconds(Long.getLong("shop.faults.seconds", 20));

	private SystemUnderTest system;

	private ShopClient shop;

	@BeforeAll
	void start() {
		this.system = SystemUnderTest.get();
		this.shop = this.system.client();
	}

	@AfterAll
	void close() {
		this.shop.close();
	}

	@Test
	void everyServiceKilledInTurnLosesNothingAndAppliesNothingTwice() {
		LoadGenerator load = load();
		Duration spacing = this.duration.dividedBy(Service.values().length + 1);
		for (Service service : Service.values()) {
			ShopClient.pause(spacing);
			this.system.kill(service);
			ShopClient.pause(Duration.ofSeconds(3));
			// it comes back while the next one is killed: the faults overlap, as in a bad
			// hour
			this.system.restartInBackground(service);
		}
		ShopClient.pause(spacing);
		load.stop();
		this.system.awaitAllReady();

		assertConsistent("kill -9 of each service in turn", load,
				Service.values().length + " services, each down 3 s plus its start-up");
	}

	@Test
	void theApiKeepsAcceptingWhileKafkaIsDownAndTheBacklogDrainsAfter() {
		LoadGenerator load = load();
		ShopClient.pause(this.duration.dividedBy(4));
		this.system.killKafka();
		int before = load.acknowledged().size();
		ShopClient.pause(Duration.ofSeconds(30));
		int duringOutage = load.acknowledged().size() - before;
		this.system.restartKafka();
		ShopClient.pause(this.duration.dividedBy(4));
		load.stop();

		assertThat(duringOutage).as("orders accepted while Kafka was down").isGreaterThan(RATE * 20);
		assertConsistent("kill -9 of Kafka, back 30 s later", load,
				duringOutage + " orders accepted while Kafka was down");
	}

	@Test
	void redeliveringEveryRecordOfEveryTopicChangesNothing() throws Exception {
		LoadGenerator load = load();
		load.runFor(this.duration);
		assertConsistent("baseline before the redelivery", load, "-");
		Map<String, Object> before = effects(load);

		for (Service service : Service.values()) {
			this.system.stop(service);
		}
		int groups = rewindEveryConsumerGroup();
		this.system.startAll();
		awaitEveryGroupCaughtUp();

		assertThat(groups).as("consumer groups rewound").isGreaterThanOrEqualTo(Service.values().length);
		assertConsistent("every consumer group rewound to the earliest offset", load,
				groups + " consumer groups read everything again");
		assertThat(effects(load)).as("events, sagas and views after the redelivery").isEqualTo(before);
	}

	@Test
	void poisonRecordsOnEveryTopicEndInTheDeadLettersWhileOrdersFlow() {
		LoadGenerator load = load();
		ShopClient.pause(this.duration.dividedBy(2));
		Map<String, String> poison = injectPoison();
		ShopClient.pause(this.duration.dividedBy(2));
		load.stop();

		assertConsistent("malformed, unknown and wrongly shaped records on every topic", load,
				poison.size() + " poison records");
		Set<String> deadLettered = deadLetteredIds(Set.copyOf(poison.keySet()));
		poison.forEach((id, where) -> assertThat(deadLettered).as("%s dead-lettered", where).contains(id));
	}

	private LoadGenerator load() {
		return new LoadGenerator(this.shop, IDS.getAndAdd(100), RATE);
	}

	/**
	 * Waits until the system is quiet and consistent, reports the scenario, and fails on
	 * any violation.
	 * @param figures what the fault did, for the report
	 */
	private void assertConsistent(String scenario, LoadGenerator load, String figures) {
		Instant start = Instant.now();
		List<String> violations = this.system.invariants(this.shop)
			.awaitSystemConsistent(load.acknowledged(), load.customers(), load.skus(), QUIESCENCE);
		long settled = Duration.between(start, Instant.now()).toSeconds();
		report(scenario, load, figures, settled, violations.size());
		assertThat(load.acknowledged()).as("orders the API accepted").isNotEmpty();
		assertThat(violations).as("invariants after: " + scenario).isEmpty();
	}

	/**
	 * What redelivery must not change: every service's events, the sagas and the read
	 * model documents of the load's orders.
	 */
	private Map<String, Object> effects(LoadGenerator load) throws SQLException {
		Map<String, Object> effects = new TreeMap<>();
		for (Service service : List.of(Service.ORDER_COMMAND, Service.PAYMENT, Service.INVENTORY)) {
			try (Connection connection = this.system.connect(service);
					Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery("SELECT count(*), coalesce(max(position), 0) FROM event_store")) {
				rows.next();
				effects.put(service + " events", rows.getLong(1) + " up to " + rows.getLong(2));
			}
		}
		try (Connection sagas = this.system.connect(Service.SAGA);
				PreparedStatement query = sagas.prepareStatement(
						"SELECT order_id, state, version FROM saga WHERE data->'order'->>'customerId' = ANY (?)")) {
			query.setArray(1, sagas.createArrayOf("text", load.customers().toArray()));
			Map<String, String> states = new TreeMap<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					states.put(rows.getString(1), rows.getString(2) + "@" + rows.getLong(3));
				}
			}
			effects.put("sagas", states);
		}
		try (MongoClient mongo = MongoClients.create(this.system.mongoUri())) {
			var database = mongo.getDatabase(this.system.mongoDatabase());
			Document pointer = database.getCollection("projections").find(new Document("_id", "order-summary")).first();
			Map<String, Document> views = new TreeMap<>();
			database.getCollection(pointer.getString("collection"))
				.find(new Document("customerId", new Document("$in", load.customers())))
				.forEach((view) -> views.put(view.getString("_id"), view));
			effects.put("views", views);
		}
		return effects;
	}

	private int rewindEveryConsumerGroup() throws Exception {
		try (Admin admin = admin()) {
			int rewound = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
				if (group.groupId().startsWith("it-")) {
					continue;
				}
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
				committed.keySet().forEach((partition) -> earliest.put(partition, OffsetSpec.earliest()));
				Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
				admin.listOffsets(earliest)
					.all()
					.get()
					.forEach((partition, offset) -> rewind.put(partition, new OffsetAndMetadata(offset.offset())));
				if (!rewind.isEmpty()) {
					admin.alterConsumerGroupOffsets(group.groupId(), rewind).all().get();
					rewound++;
				}
			}
			return rewound;
		}
	}

	private void awaitEveryGroupCaughtUp() throws Exception {
		Instant deadline = Instant.now().plus(QUIESCENCE);
		try (Admin admin = admin()) {
			while (true) {
				long lag = 0;
				for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
					if (group.groupId().startsWith("it-")) {
						continue;
					}
					Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
						.partitionsToOffsetAndMetadata()
						.get();
					Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
					committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
					for (var end : admin.listOffsets(latest).all().get().entrySet()) {
						lag += end.getValue().offset() - committed.get(end.getKey()).offset();
					}
				}
				if (lag == 0) {
					return;
				}
				assertThat(Instant.now()).as("every consumer group caught up (lag %d)", lag).isBefore(deadline);
				ShopClient.pause(Duration.ofMillis(500));
			}
		}
	}

	/**
	 * Three bad records per topic: not JSON, a type nobody knows, and a known type
	 * without the fields it must have.
	 * @return each record's message id and what it was
	 */
	private Map<String, String> injectPoison() {
		Map<String, String> knownType = Map.of("orders.events", "OrderPlaced", "payments.events", "PaymentCharged",
				"inventory.events", "InventoryReserved", "orders.commands", "ConfirmOrder", "payments.commands",
				"ChargePayment", "inventory.commands", "ReserveInventory");
		Map<String, String> injected = new HashMap<>();
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.system.kafkaBootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			knownType.forEach((topic, type) -> {
				injected.put(send(producer, topic, type, "{not json"), "malformed JSON on " + topic);
				injected.put(send(producer, topic, "ShipToTheMoon", "{\"orderId\":\"x\"}"), "unknown type on " + topic);
				injected.put(send(producer, topic, type, "{\"unexpected\":true}"), "wrong schema on " + topic);
			});
			producer.flush();
		}
		return injected;
	}

	private static String send(KafkaProducer<String, String> producer, String topic, String type, String payload) {
		String id = UUID.randomUUID().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, id, payload);
		record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_sequence", "1".getBytes(StandardCharsets.UTF_8));
		producer.send(record);
		return id;
	}

	private Set<String> deadLetteredIds(Set<String> wanted) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.system.kafkaBootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Set<String> found = new HashSet<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("orders.events-dlt", "orders.commands-dlt", "payments.events-dlt",
					"payments.commands-dlt", "inventory.events-dlt", "inventory.commands-dlt"));
			Instant deadline = Instant.now().plusSeconds(60);
			while (!found.containsAll(wanted) && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					var id = record.headers().lastHeader("ce_id");
					if (id != null) {
						found.add(new String(id.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		return found;
	}

	private Admin admin() {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.system.kafkaBootstrapServers());
		return Admin.create(config);
	}

	private void report(String scenario, LoadGenerator load, String figures, long settledSeconds, int violations) {
		Map<String, Long> ends = new TreeMap<>();
		try (Connection sagas = this.system.connect(Service.SAGA); PreparedStatement query = sagas.prepareStatement("""
				SELECT state || coalesce(' ' || (data->>'failureReason'), ''), count(*) FROM saga
				WHERE data->'order'->>'customerId' = ANY (?) GROUP BY 1""")) {
			query.setArray(1, sagas.createArrayOf("text", load.customers().toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ends.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		catch (SQLException ex) {
			ends.put("unreadable: " + ex.getMessage(), 0L);
		}
		Path file = Path.of("target", "fault-report.md");
		try {
			if (!Files.exists(file)) {
				Files.writeString(file,
						"""
								| Scenario | Load | Requests | What the fault did | Sagas by end state (reason) | Consistent after | Violations |
								|---|---|---|---|---|---|---|
								""");
			}
			Files.writeString(file,
					"| %s | %d/s for %d s | %s | %s | %s | %d s | %d |%n".formatted(scenario, RATE,
							this.duration.toSeconds(), load.outcomes(), figures, ends, settledSeconds, violations),
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
