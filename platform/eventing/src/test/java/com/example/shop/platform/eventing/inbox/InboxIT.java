package com.example.shop.platform.eventing.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.RetentionPurge;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.ListenerFailures;
import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TopicProbe;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real listener container with the library's error handling, consuming from real Kafka
 * into PostgreSQL.
 */
@SpringBootTest
@RealInfrastructure
@Import(TopicProbe.class)
class InboxIT {

	/** How long the tests wait for what happens on its own time. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	static final String TOPIC = "inbox-it";

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<String, byte[]> consumers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TopicProbe topics;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestListener listener;

	@Autowired
	@Qualifier("inboxPurge")
	RetentionPurge purge;

	@Test
	void aMessageDeliveredTwiceHasItsEffectOnce() throws Exception {
		double duplicatesBefore = meters.counter("inbox.duplicates").count();
		String id = UUID.randomUUID().toString();

		send("key-a", id, "{\"note\":\"once\"}");
		send("key-a", id, "{\"note\":\"once\"}");

		Eventually.awaitTrue(WAIT, () -> meters.counter("inbox.duplicates").count() == duplicatesBefore + 1);
		assertThat(effects(id)).isEqualTo(1);
		assertThat(listener.attempts(id)).isEqualTo(1);
	}

	@Test
	void anEffectRunsWithItsMessageInTheLoggingContextAndLeavesNothingBehind() throws Exception {
		String id = UUID.randomUUID().toString();
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "order-42", "{\"note\":\"logged\"}");
		record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.TYPE, "NoteTaken".getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.CORRELATION_ID, "corr-logged".getBytes(StandardCharsets.UTF_8));

		kafka.send(record).get(10, TimeUnit.SECONDS);

		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		assertThat(listener.contextDuring(id)).containsEntry("correlation_id", "corr-logged")
			.containsEntry("message_id", id)
			.containsEntry("message_type", "NoteTaken")
			.containsEntry("order_id", "order-42");
		assertThat(listener.contextAfter(id)).isEmpty();
	}

	@Test
	void aRecordThatKeepsFailingGoesToTheDeadLetterTopicAndOtherKeysKeepFlowing() throws Exception {
		// counted per topic from zero since the listener started, so increase() sees the
		// first
		double deadLettersBefore = meters.get("inbox.dead.letters").tag("topic", TOPIC).counter().count();
		String poison = UUID.randomUUID().toString();
		String valid = UUID.randomUUID().toString();

		send("key-poison", poison, "{\"fail\":true}");
		send("key-valid", valid, "{\"note\":\"after the poison\"}");

		Eventually.awaitTrue(WAIT, () -> effects(valid) == 1);
		ConsumerRecord<String, byte[]> dead = deadLetter(poison);
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("refused by the handler");
		assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"fail\":true}");
		assertThat(listener.attempts(poison)).isEqualTo(3);
		assertThat(effects(poison)).isZero();
		Eventually.awaitTrue(WAIT,
				() -> meters.get("inbox.dead.letters").tag("topic", TOPIC).counter().count() >= deadLettersBefore + 1);
	}

	@Test
	void malformedJsonGoesToTheDeadLetterTopicWithoutRetries() throws Exception {
		String id = UUID.randomUUID().toString();

		send("key-m", id, "{not json");

		ConsumerRecord<String, byte[]> dead = deadLetter(id);
		assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).startsWith("tools.jackson");
		assertThat(listener.attempts(id)).isEqualTo(1);
	}

	@Test
	void aRecordWithoutMessageIdGoesToTheDeadLetterTopic() throws Exception {
		String marker = UUID.randomUUID().toString();

		kafka.send(new ProducerRecord<>(TOPIC, "key-x", "{\"marker\":\"" + marker + "\"}")).get(10, TimeUnit.SECONDS);

		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(
				(record) -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
		assertThat(header(dead, "kafka_dlt-exception-message")).contains("has no ce_id header");
	}

	/**
	 * A database that answers but takes no writes (a demoted primary during a failover
	 * does so) fails every record the same way, and a probe that only reads finds it up:
	 * no record is to blame, so none is dead-lettered. The database here is made
	 * read-only for new sessions, and the pool's connections are replaced.
	 */
	@Test
	void aRecordWhileTheDatabaseTakesNoWritesIsDeliveredAgainUntilItDoesAndNotDeadLettered() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		String readOnly = "ALTER DATABASE \"" + jdbc.queryForObject("SELECT current_database()", String.class) + "\" ";
		String id = UUID.randomUUID().toString();
		try (Connection admin = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
				Statement statement = admin.createStatement()) {
			double failuresBefore = ListenerFailures.count(meters);
			statement.execute(readOnly + "SET default_transaction_read_only = on");
			try {
				pool.getHikariPoolMXBean().softEvictConnections();
				send("key-read-only", id, "{\"note\":\"while the database takes no writes\"}");

				// more failed deliveries than the three after which a record is
				// dead-lettered
				Eventually.awaitTrue(WAIT, () -> ListenerFailures.count(meters) >= failuresBefore + 6);
				assertThat(effects(id)).isZero();
			}
			finally {
				statement.execute(readOnly + "RESET default_transaction_read_only");
				pool.getHikariPoolMXBean().softEvictConnections();
			}
		}
		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		assertThat(topics.readToEnd(TOPIC + "-dlt", (record) -> id.equals(header(record, CloudEventHeaders.ID))))
			.isEmpty();
	}

	@Test
	void purgeDeletesOnlyIdsOlderThanTheRetention() {
		String old = "old-" + UUID.randomUUID();
		String recent = "recent-" + UUID.randomUUID();
		jdbc.update("INSERT INTO inbox_message (consumer, message_id, processed_at) VALUES ('purge-test', ?, ?)", old,
				Timestamp.from(Instant.now().minus(Duration.ofDays(30))));
		jdbc.update("INSERT INTO inbox_message (consumer, message_id) VALUES ('purge-test', ?)", recent);

		assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

		assertThat(
				jdbc.queryForList("SELECT message_id FROM inbox_message WHERE consumer = 'purge-test'", String.class))
			.containsExactly(recent);
	}

	private void send(String key, String messageId, String value) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
		record.headers().add(CloudEventHeaders.ID, messageId.getBytes(StandardCharsets.UTF_8));
		kafka.send(record).get(10, TimeUnit.SECONDS);
	}

	private int effects(String messageId) {
		return jdbc.queryForObject("SELECT count(*) FROM inbox_test_effect WHERE message_id = ?", Integer.class,
				messageId);
	}

	private ConsumerRecord<String, byte[]> deadLetter(String messageId) {
		return awaitDeadLetter((record) -> messageId.equals(header(record, CloudEventHeaders.ID)));
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(
			java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (Consumer<String, byte[]> consumer = consumers.createConsumer("dlt-reader-" + UUID.randomUUID(), null, null,
				fromStart)) {
			consumer.subscribe(List.of(TOPIC + "-dlt"));
			Instant deadline = Instant.now().plusSeconds(30);
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (match.test(record)) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("No matching record on " + TOPIC + "-dlt within 30 s");
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listener {

		@Bean
		KafkaAdmin.NewTopics inboxTopics() {
			return TopicDeclarations.of(1, List.of(TOPIC), List.of(TOPIC));
		}

		@Bean
		TestListener testListener(Inbox inbox, JdbcTemplate jdbc, JsonMapper json) {
			return new TestListener(inbox, jdbc, json);
		}

	}

	/**
	 * A consumer written the way a service writes one: its effect goes through the inbox.
	 */
	static class TestListener {

		private final Inbox inbox;

		private final JdbcTemplate jdbc;

		private final JsonMapper json;

		private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

		private final Map<String, Map<String, String>> contextDuring = new ConcurrentHashMap<>();

		private final Map<String, Map<String, String>> contextAfter = new ConcurrentHashMap<>();

		TestListener(Inbox inbox, JdbcTemplate jdbc, JsonMapper json) {
			this.inbox = inbox;
			this.jdbc = jdbc;
			this.json = json;
		}

		@KafkaListener(topics = TOPIC, groupId = "inbox-it", batch = "true")
		void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
			List<String> seen = new ArrayList<>();
			this.inbox.process("inbox-it", records, acknowledgment, (message) -> {
				String id = new String(message.headers().lastHeader(CloudEventHeaders.ID).value(),
						StandardCharsets.UTF_8);
				seen.add(id);
				this.contextDuring.put(id, Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of()));
				this.attempts.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
				JsonNode payload = this.json.readTree(message.value());
				if (payload.path("fail").asBoolean(false)) {
					throw new IllegalStateException("refused by the handler");
				}
				this.jdbc.update("INSERT INTO inbox_test_effect (message_id, payload) VALUES (?, ?)", id,
						payload.toString());
			});
			Map<String, String> after = Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of());
			seen.forEach((id) -> this.contextAfter.put(id, after));
		}

		Map<String, String> contextDuring(String messageId) {
			return this.contextDuring.get(messageId);
		}

		Map<String, String> contextAfter(String messageId) {
			return this.contextAfter.get(messageId);
		}

		int attempts(String messageId) {
			AtomicInteger count = this.attempts.get(messageId);
			return (count != null) ? count.get() : 0;
		}

	}

}
