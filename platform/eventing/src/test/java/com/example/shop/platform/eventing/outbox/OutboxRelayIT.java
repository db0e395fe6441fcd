package com.example.shop.platform.eventing.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.RunDirectory;
import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay against real Kafka brokers: the shared one, and one of its own that this test
 * kills.
 */
@SpringBootTest
@RealInfrastructure
class OutboxRelayIT {

	private static final OutboxProperties PROPERTIES = new OutboxProperties(100, Duration.ofMillis(200),
			Duration.ofMillis(200), 7270001, true);

	@Autowired
	DataSource dataSource;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	private final List<OutboxRelay> relays = new ArrayList<>();

	@BeforeEach
	void emptyOutbox() {
		jdbc.update("DELETE FROM outbox_message");
	}

	@AfterEach
	void stopRelays() {
		relays.stream().filter(OutboxRelay::isRunning).forEach(OutboxRelay::stop);
	}

	@Test
	void publishesWithKeyAndCloudEventsHeadersThenDeletesTheRow() {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		EventMetadata metadata = new EventMetadata("corr-1", "cause-1", "alice",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		OutboxMessage message = OutboxMessage.of(topic, "order-7", "OrderPlaced", "{\"total\":12}", metadata);
		write(List.of(message));

		startRelay(bootstrap);

		ConsumerRecord<String, String> record = consume(bootstrap, topic, 1, Duration.ofSeconds(30)).get(0);
		assertThat(record.key()).isEqualTo("order-7");
		assertThat(record.value()).isEqualTo("{\"total\":12}");
		assertThat(headers(record)).containsEntry("ce_id", message.messageId().toString())
			.containsEntry("ce_type", "OrderPlaced")
			.containsEntry("ce_source", "relay-test")
			.containsEntry("ce_subject", "order-7")
			.containsEntry("ce_specversion", "1.0")
			.containsEntry("correlation_id", "corr-1")
			.containsEntry("causation_id", "cause-1")
			.containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.containsKey("ce_time");
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void aRelayStoppedAndStartedAgainPublishesAgain() {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		startRelay(bootstrap);
		OutboxRelay relay = relays.get(0);
		relay.stop();
		relay.start();

		write(List.of(OutboxMessage.of(topic, "order-8", "OrderPlaced", "{}",
				new EventMetadata("corr-2", "cause-2", "alice", null))));

		assertThat(consume(bootstrap, topic, 1, Duration.ofSeconds(30))).hasSize(1);
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void aCommitWakesTheRelayOfItsInstanceLongBeforeItsNextPoll() {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		OutboxRelay relay = new OutboxRelay(dataSource,
				() -> OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
						"relay-woken"),
				json, new OutboxProperties(100, Duration.ofMinutes(5), Duration.ofMillis(200), 7270001, true),
				"relay-test", new SimpleMeterRegistry(), MessageTracing.off());
		relays.add(relay);
		relay.start();
		awaitTrue(relay::isLeader, Duration.ofSeconds(10));
		// its first look at the table is over: from now on only a wake-up or the 5 minute
		// poll makes it read
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
		Outbox wakingOutbox = new Outbox(jdbc, json, relay::wake);

		transactions.executeWithoutResult((status) -> wakingOutbox.add(List.of(message(topic, "woken", 1))));

		assertThat(consume(bootstrap, topic, 1, Duration.ofSeconds(20))).hasSize(1);
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void aCommitOnAStandbyWakesTheLeaderOfAnotherInstanceLongBeforeItsNextPoll() {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		OutboxProperties slowPoll = new OutboxProperties(100, Duration.ofMinutes(5), Duration.ofMillis(200), 7270001,
				true);
		OutboxRelay leader = new OutboxRelay(dataSource, () -> OutboxRelay
			.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), "relay-leader"), json, slowPoll,
				"relay-test", new SimpleMeterRegistry(), MessageTracing.off());
		relays.add(leader);
		leader.start();
		awaitTrue(leader::isLeader, Duration.ofSeconds(10));
		OutboxRelay standby = new OutboxRelay(dataSource,
				() -> OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
						"relay-standby"),
				json, slowPoll, "relay-test", new SimpleMeterRegistry(), MessageTracing.off());
		relays.add(standby);
		standby.start();
		// the leader has had its first look at the table and listens for the standby:
		// from
		// now on only a notification or the 5 minute poll makes it read
		awaitTrue(() -> backlog() == 0 && jdbc.queryForObject("""
				SELECT count(*) FROM pg_stat_activity
				WHERE query = 'LISTEN outbox_relay_7270001' AND state = 'idle'""", Long.class) > 0,
				Duration.ofSeconds(10));
		Outbox standbyOutbox = new Outbox(jdbc, json, standby::wake);

		transactions.executeWithoutResult((status) -> standbyOutbox.add(List.of(message(topic, "standby", 1))));

		assertThat(consume(bootstrap, topic, 1, Duration.ofSeconds(20))).hasSize(1);
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
		assertThat(standby.isLeader()).isFalse();
	}

	@Test
	void aRowWhoseTransactionCommitsLateIsPublishedToo() throws Exception {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		startRelay(bootstrap);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// takes the smaller id, then stays open while a later transaction commits and is
		// published
		CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
			outbox.add(List.of(message(topic, "late", 1)));
			written.countDown();
			await(commit);
		}));
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		write(List.of(message(topic, "early", 1)));

		assertThat(consume(bootstrap, topic, 1, Duration.ofSeconds(30))).extracting(ConsumerRecord::key)
			.containsExactly("early");

		commit.countDown();
		late.get(10, TimeUnit.SECONDS);
		assertThat(consume(bootstrap, topic, 2, Duration.ofSeconds(30))).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("early", "late");
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void threeRelaysWithTheLeaderStoppedMidRunPublishEveryRowInOrderPerKey() throws Exception {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 3);
		for (int i = 0; i < 3; i++) {
			startRelay(bootstrap);
		}
		int keys = 20;
		int perKey = 60;
		// one writer per key: the event store serializes a key's writers the same way
		CompletableFuture<?>[] writers = IntStream.range(0, keys).mapToObj((k) -> CompletableFuture.runAsync(() -> {
			for (int seq = 1; seq <= perKey; seq++) {
				write(List.of(message(topic, "key-" + k, seq)));
			}
		})).toArray(CompletableFuture[]::new);

		Map<String, List<Integer>> received = new ConcurrentHashMap<>();
		try (KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
			boolean leaderStopped = false;
			Instant deadline = Instant.now().plusSeconds(90);
			while (distinct(received) < keys * perKey && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					received.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(sequence(record));
				}
				if (!leaderStopped && distinct(received) > keys * perKey / 4) {
					OutboxRelay leader = relays.stream().filter(OutboxRelay::isLeader).findFirst().orElseThrow();
					leader.stop();
					leaderStopped = true;
				}
			}
			assertThat(leaderStopped).isTrue();
		}
		CompletableFuture.allOf(writers).get(10, TimeUnit.SECONDS);

		assertThat(received).hasSize(keys);
		received.forEach((key, sequences) -> {
			// a message may come twice after a failover, but each new one is the next in
			// line
			List<Integer> firstSeen = sequences.stream().distinct().toList();
			assertThat(firstSeen).as(key).containsExactlyElementsOf(IntStream.rangeClosed(1, perKey).boxed().toList());
		});
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void aLeaderWhoseSessionDiesBetweenSendingAndDeletingLeavesItsRowsToBePublishedAgain() throws Exception {
		String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
		String topic = topic(bootstrap, 1);
		AtomicBoolean killed = new AtomicBoolean();
		// the leader's producer: once its first batch is sent, the leader's database
		// session
		// is killed, as a kill -9 of the instance would end it, before any statement
		// deletes what was sent
		OutboxRelay doomed = new OutboxRelay(dataSource, () -> afterFirstFlush(
				OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), "relay-doomed"),
				() -> killed.set(jdbc.queryForObject("""
						SELECT pg_terminate_backend(pid) FROM pg_locks
						WHERE locktype = 'advisory' AND objid = ? AND granted""", Boolean.class, PROPERTIES.lockId()))),
				json, PROPERTIES, "relay-test", new SimpleMeterRegistry(), MessageTracing.off());
		relays.add(doomed);
		doomed.start();
		awaitTrue(doomed::isLeader, Duration.ofSeconds(10));
		startRelay(bootstrap);
		int count = 30;
		for (int seq = 1; seq <= count; seq++) {
			write(List.of(message(topic, "key", seq)));
		}

		List<Integer> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
			Instant deadline = Instant.now().plusSeconds(60);
			while ((received.stream().distinct().count() < count || backlog() > 0)
					&& Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> received.add(sequence(record)));
			}
		}

		assertThat(killed).as("the leader's session was killed after a send").isTrue();
		assertThat(received.stream().distinct().toList())
			.containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
		assertThat(received.size()).as("what was sent but not deleted is published again").isGreaterThan(count);
		awaitTrue(() -> backlog() == 0, Duration.ofSeconds(10));
	}

	@Test
	void appendsGoOnWhileTheBrokerIsDownAndTheBacklogDrainsWhenItIsBack() throws Exception {
		RunDirectory run = new RunDirectory(Path.of("target", "relay-broker-" + UUID.randomUUID()));
		int port = Ports.free();
		int controllerPort = Ports.free();
		KafkaBroker broker = KafkaBroker.start(run, port, controllerPort);
		try {
			String bootstrap = broker.bootstrapServers();
			String topic = topic(bootstrap, 3);
			AtomicInteger sends = new AtomicInteger();
			startRelay(() -> countingSends(
					OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), "relay-down"),
					sends));
			write(IntStream.range(0, 10).mapToObj((i) -> message(topic, "key-" + (i % 5), i)).toList());
			assertThat(consume(bootstrap, topic, 10, Duration.ofSeconds(30))).hasSize(10);

			broker.process().stop(Duration.ZERO);
			int sentBeforeTheOutage = sends.get();
			for (int i = 10; i < 210; i++) {
				write(List.of(message(topic, "key-" + (i % 5), i)));
			}
			// the relay has handed rows written during the outage to the producer, and
			// deleted none of them, for Kafka acknowledged none
			awaitTrue(() -> sends.get() > sentBeforeTheOutage, Duration.ofSeconds(30));
			assertThat(backlog()).isEqualTo(200);

			broker = KafkaBroker.start(run, port, controllerPort);
			awaitTrue(() -> backlog() == 0, Duration.ofSeconds(90));
			List<ConsumerRecord<String, String>> all = consume(bootstrap, topic, 210, Duration.ofSeconds(30));
			assertThat(all.stream().map(OutboxRelayIT::sequence).distinct()).hasSize(210);
		}
		finally {
			broker.close();
		}
	}

	private void startRelay(String bootstrap) {
		String clientId = "relay-test-" + relays.size();
		startRelay(() -> OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), clientId));
	}

	private void startRelay(Supplier<Producer<String, byte[]>> producers) {
		OutboxRelay relay = new OutboxRelay(dataSource, producers, json, PROPERTIES, "relay-test",
				new SimpleMeterRegistry(), MessageTracing.off());
		relays.add(relay);
		relay.start();
	}

	/**
	 * A producer that counts the records handed to it.
	 */
	@SuppressWarnings("unchecked")
	private static Producer<String, byte[]> countingSends(Producer<String, byte[]> producer, AtomicInteger sends) {
		return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
				new Class<?>[] { Producer.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("send")) {
						sends.incrementAndGet();
					}
					try {
						return method.invoke(producer, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * A producer that runs {@code action} once, after its first flush.
	 */
	@SuppressWarnings("unchecked")
	private static Producer<String, byte[]> afterFirstFlush(Producer<String, byte[]> producer, Runnable action) {
		AtomicBoolean done = new AtomicBoolean();
		return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
				new Class<?>[] { Producer.class }, (proxy, method, arguments) -> {
					Object result;
					try {
						result = method.invoke(producer, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (method.getName().equals("flush") && done.compareAndSet(false, true)) {
						action.run();
					}
					return result;
				});
	}

	private void write(List<OutboxMessage> messages) {
		transactions.executeWithoutResult((status) -> outbox.add(messages));
	}

	private long backlog() {
		return jdbc.queryForObject("SELECT count(*) FROM outbox_message", Long.class);
	}

	private static OutboxMessage message(String topic, String key, int sequence) {
		return OutboxMessage.of(topic, key, "Numbered", "{\"seq\":" + sequence + "}",
				EventMetadata.newRequest("test", null));
	}

	private static int sequence(ConsumerRecord<String, String> record) {
		String value = record.value();
		return Integer.parseInt(value.substring(value.indexOf(':') + 1, value.indexOf('}')));
	}

	private static int distinct(Map<String, List<Integer>> received) {
		return received.values().stream().mapToInt((list) -> (int) list.stream().distinct().count()).sum();
	}

	private static String topic(String bootstrap, int partitions) {
		String topic = "relay-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return topic;
	}

	private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	private static List<ConsumerRecord<String, String>> consume(String bootstrap, String topic, int count,
			Duration timeout) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(bootstrap, topic)) {
			Instant deadline = Instant.now().plus(timeout);
			while (records.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	private static Map<String, String> headers(ConsumerRecord<String, String> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		record.headers().forEach((h) -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
		return headers;
	}

	private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("condition within " + timeout).isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
