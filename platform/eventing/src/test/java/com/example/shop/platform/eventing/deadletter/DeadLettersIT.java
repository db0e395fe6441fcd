package com.example.shop.platform.eventing.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Status;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Dead letters made by a real listener container with the library's error handling, read
 * from real Kafka, decisions recorded in PostgreSQL.
 */
@SpringBootTest
@RealInfrastructure
class DeadLettersIT {

	/** How long the tests wait for what happens on its own time. */
	private static final Duration WAIT = Duration.ofSeconds(30);

	static final String TOPIC = "dead-letters-it";

	static final String PAGING_TOPIC = "dead-letters-it-paging";

	static final String PAGING_GROUP = "dead-letters-it-paging";

	static final String RETENTION_TOPIC = "dead-letters-it-retention";

	static final String RETENTION_GROUP = "dead-letters-it-retention";

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<String, byte[]> consumers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	FixableListener listener;

	@Autowired
	KafkaAdmin admin;

	@Test
	void aDeadLetterWhoseCauseIsFixedIsAppliedOnceWhenRedriven() throws Exception {
		double redrivesBefore = decisions(TOPIC, Action.REDRIVE);
		String id = UUID.randomUUID().toString();
		String needs = "stock-" + id;
		send("order-1", id, needs);

		DeadLetter letter = awaitDeadLetter(id, 0);
		assertThat(letter.status()).isEqualTo(Status.PENDING);
		assertThat(letter.disposition()).isNull();
		assertThat(letter.topic()).isEqualTo(TOPIC);
		assertThat(letter.key()).isEqualTo("order-1");
		assertThat(letter.type()).isEqualTo("StockNeeded");
		assertThat(letter.payload()).isEqualTo("{\"needs\":\"" + needs + "\"}");
		assertThat(letter.cause()).contains("not fixed yet: " + needs);
		assertThat(letter.causeType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(letter.attempts()).isEqualTo(3);
		assertThat(letter.redrives()).isZero();
		assertThat(letter.headers()).containsEntry(CloudEventHeaders.ID, id)
			.doesNotContainKeys(DeadLetters.ATTEMPTS, "kafka_dlt-exception-message");
		assertThat(effects(id)).isZero();

		this.listener.fix(needs);
		DeadLetter redriven = this.deadLetters.redrive(TOPIC, letter.id(), "olivia", "stock corrected");

		assertThat(redriven.status()).isEqualTo(Status.REDRIVEN);
		assertThat(redriven.disposition()).satisfies((decided) -> {
			assertThat(decided.action()).isEqualTo(Action.REDRIVE);
			assertThat(decided.by()).isEqualTo("olivia");
			assertThat(decided.reason()).isEqualTo("stock corrected");
			assertThat(decided.completed()).isTrue();
		});
		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		assertThat(this.deadLetters.get(TOPIC, letter.id()).status()).isEqualTo(Status.REDRIVEN);
		assertThat(decisions(TOPIC, Action.REDRIVE)).isEqualTo(redrivesBefore + 1);
		assertThat(this.jdbc.queryForObject("""
				SELECT decided_by || ' ' || action || ' ' || reason FROM dead_letter_disposition
				WHERE dead_letter_topic = ? AND dead_letter_partition || '-' || dead_letter_offset = ?
				""", String.class, TOPIC + "-dlt", letter.id())).isEqualTo("olivia REDRIVE stock corrected");
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.redrive(TOPIC, letter.id(), "oscar", null))
			.satisfies((problem) -> {
				assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(problem.getBody().getDetail()).contains("was redriven by olivia");
			});
	}

	@Test
	void aRedriveOfARecordThatDidTakeEffectIsSkippedByItsMessageId() throws Exception {
		String id = UUID.randomUUID().toString();
		String needs = "stock-" + id;
		send("order-2", id, needs);
		DeadLetter letter = awaitDeadLetter(id, 0);
		this.listener.fix(needs);
		// the producer sends it again (a retry) and this time it takes effect
		send("order-2", id, needs);
		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		double duplicatesBefore = this.meters.counter("inbox.duplicates").count();

		this.deadLetters.redrive(TOPIC, letter.id(), "olivia", null);

		Eventually.awaitTrue(WAIT, () -> this.meters.counter("inbox.duplicates").count() > duplicatesBefore);
		assertThat(effects(id)).isEqualTo(1);
	}

	@Test
	void aRedrivenRecordThatFailsAgainComesBackAsOneNewDeadLetter() throws Exception {
		String id = UUID.randomUUID().toString();
		send("order-3", id, "never-" + id);
		DeadLetter first = awaitDeadLetter(id, 0);

		this.deadLetters.redrive(TOPIC, first.id(), "olivia", "try once more");

		DeadLetter again = awaitDeadLetter(id, 1);
		assertThat(again.id()).isNotEqualTo(first.id());
		assertThat(again.status()).isEqualTo(Status.PENDING);
		assertThat(again.attempts()).isEqualTo(3);
		assertThat(again.redrives()).isEqualTo(1);
		// a record after it on its key is applied only once it has been dead-lettered
		// again: by then a loop would have sent it back already
		String fence = UUID.randomUUID().toString();
		send("order-3", fence, null);
		Eventually.awaitTrue(WAIT, () -> effects(fence) == 1);
		assertThat(deadLettersOf(id)).extracting(DeadLetter::id).containsExactly(first.id(), again.id());
		assertThat(effects(id)).isZero();
	}

	@Test
	void aDiscardNeedsAReasonIsRecordedAndEndsTheDeadLetter() throws Exception {
		double discardsBefore = decisions(TOPIC, Action.DISCARD);
		String id = UUID.randomUUID().toString();
		send("order-4", id, "never-" + id);
		DeadLetter letter = awaitDeadLetter(id, 0);

		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.discard(TOPIC, letter.id(), "olivia", " "))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThat(this.deadLetters.get(TOPIC, letter.id()).status()).isEqualTo(Status.PENDING);

		DeadLetter discarded = this.deadLetters.discard(TOPIC, letter.id(), "olivia", "a test order");

		assertThat(discarded.status()).isEqualTo(Status.DISCARDED);
		assertThat(this.deadLetters.get(TOPIC, letter.id()).disposition()).satisfies((decided) -> {
			assertThat(decided.by()).isEqualTo("olivia");
			assertThat(decided.reason()).isEqualTo("a test order");
		});
		assertThat(decisions(TOPIC, Action.DISCARD)).isEqualTo(discardsBefore + 1);
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.redrive(TOPIC, letter.id(), "oscar", null))
			.satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("was discarded by olivia")
				.contains("a test order"));
		assertThat(this.deadLetters.redrive(TOPIC, List.of(letter.id(), "0-999999999"), "oscar", null))
			.extracting(DeadLetters.RedriveOutcome::status)
			.containsExactly(409, 404);
	}

	@Test
	void ofConcurrentRedrivesOfOneRecordOneSendsIt() throws Exception {
		String id = UUID.randomUUID().toString();
		String needs = "stock-" + id;
		send("order-5", id, needs);
		DeadLetter letter = awaitDeadLetter(id, 0);
		this.listener.fix(needs);

		int operators = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(operators)) {
			for (int i = 0; i < operators; i++) {
				String operator = "operator-" + i;
				answers.add(pool.submit(() -> {
					start.await();
					try {
						this.deadLetters.redrive(TOPIC, letter.id(), operator, null);
						return 200;
					}
					catch (DeadLetterProblem ex) {
						return ex.getStatusCode().value();
					}
				}));
			}
			start.countDown();
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> answer : answers) {
			statuses.add(answer.get(60, TimeUnit.SECONDS));
		}

		assertThat(statuses).containsOnly(200, 409).filteredOn((status) -> status == 200).hasSize(1);
		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		// the original and one redrive on the topic, not one per operator
		assertThat(recordsOnTopic(id)).isEqualTo(2);
		assertThat(effects(id)).isEqualTo(1);
	}

	@Test
	void aRedriveWhoseInstanceDiedIsTakenOverAfterAMinuteByAnotherRedriveButNeverByADiscard() throws Exception {
		String id = UUID.randomUUID().toString();
		String needs = "stock-" + id;
		send("order-6", id, needs);
		DeadLetter letter = awaitDeadLetter(id, 0);
		this.listener.fix(needs);
		int partition = Integer.parseInt(letter.id().split("-")[0]);
		long offset = Long.parseLong(letter.id().split("-")[1]);
		// the claim of an instance that is sending now
		claimedAgo(partition, offset, "30 seconds");
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.redrive(TOPIC, letter.id(), "oscar", null))
			.satisfies((problem) -> assertThat(problem.getBody().getDetail()).contains("is being redriven by olivia"));

		// the claim of an instance that died while sending, two minutes ago
		claimedAgo(partition, offset, "2 minutes");
		assertThat(this.deadLetters.get(TOPIC, letter.id()).status()).isEqualTo(Status.REDRIVING);
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.discard(TOPIC, letter.id(), "oscar", "looks stuck"))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
		DeadLetter redriven = this.deadLetters.redrive(TOPIC, letter.id(), "oscar", "after a crash");

		assertThat(redriven.disposition().by()).isEqualTo("oscar");
		Eventually.awaitTrue(WAIT, () -> effects(id) == 1);
		assertThat(this.deadLetters.get(TOPIC, letter.id()).status()).isEqualTo(Status.REDRIVEN);
	}

	private void claimedAgo(int partition, long offset, String age) {
		this.jdbc.update("""
				INSERT INTO dead_letter_disposition (dead_letter_topic, dead_letter_partition, dead_letter_offset,
				                                     action, decided_by, decided_at, completed)
				VALUES (?, ?, ?, 'REDRIVE', 'olivia', now() - CAST(? AS interval), false)
				ON CONFLICT (dead_letter_topic, dead_letter_partition, dead_letter_offset)
				DO UPDATE SET decided_at = EXCLUDED.decided_at
				""", TOPIC + "-dlt", partition, offset, age);
	}

	@Test
	void pagesWalkThousandsOfDeadLettersOnceInOrderAndOnlyThisServicesOwn() throws Exception {
		int ours = 3_000;
		List<ProducerRecord<String, String>> records = new ArrayList<>();
		for (int i = 0; i < ours; i++) {
			records.add(deadLetter("key-" + (i % 50), PAGING_GROUP, i));
			if (i % 300 == 0) {
				records.add(deadLetter("key-" + (i % 50), "another-service", i));
			}
		}
		for (ProducerRecord<String, String> record : records) {
			this.kafka.send(record);
		}
		this.kafka.flush();

		List<DeadLetter> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			DeadLetters.DeadLetterPage page = this.deadLetters.page(PAGING_TOPIC, after, null, 100);
			assertThat(page.deadLetters()).hasSizeLessThanOrEqualTo(100);
			seen.addAll(page.deadLetters());
			after = page.next();
			pages++;
		}
		while (after != null);

		assertThat(seen).hasSize(ours);
		// 100 a page, the last one saying there is none after it
		assertThat(pages).isEqualTo(30);
		assertThat(seen.stream().map(DeadLetter::messageId).distinct()).hasSize(ours);
		assertThat(seen).isSortedAccordingTo(
				Comparator.comparingInt((DeadLetter letter) -> Integer.parseInt(letter.id().split("-")[0]))
					.thenComparingLong((letter) -> Long.parseLong(letter.id().split("-")[1])));
		assertThat(seen).allSatisfy((letter) -> assertThat(letter.cause()).isEqualTo("refused"));

		this.deadLetters.discard(PAGING_TOPIC, seen.get(10).id(), "olivia", "noise");
		this.deadLetters.discard(PAGING_TOPIC, seen.get(2_500).id(), "olivia", "noise");
		List<DeadLetter> pending = new ArrayList<>();
		after = null;
		do {
			DeadLetters.DeadLetterPage page = this.deadLetters.page(PAGING_TOPIC, after, Status.PENDING, 100);
			pending.addAll(page.deadLetters());
			after = page.next();
		}
		while (after != null);
		assertThat(pending).hasSize(ours - 2).doesNotContain(seen.get(10), seen.get(2_500));
		assertThat(this.deadLetters.topics()).filteredOn((topic) -> topic.topic().equals(PAGING_TOPIC))
			.singleElement()
			.satisfies((topic) -> {
				assertThat(topic.total()).isEqualTo(ours);
				assertThat(topic.pending()).isEqualTo(ours - 2);
			});
	}

	@Test
	void theDecisionsAboutRecordsTheRetentionDeletedAreForgotten() throws Exception {
		// one partition's worth: the same key
		for (int i = 0; i < 3; i++) {
			this.kafka.send(deadLetter(RETENTION_TOPIC, "key", RETENTION_GROUP, i)).get(10, TimeUnit.SECONDS);
		}
		List<DeadLetter> letters = this.deadLetters.page(RETENTION_TOPIC, null, null, 10).deadLetters();
		assertThat(letters).hasSize(3);
		for (DeadLetter letter : letters) {
			this.deadLetters.discard(RETENTION_TOPIC, letter.id(), "olivia", "noise");
		}
		int partition = Integer.parseInt(letters.get(0).id().split("-")[0]);
		long second = Long.parseLong(letters.get(1).id().split("-")[1]);

		// what the topic's retention does, the first record now
		try (Admin admin = Admin.create(this.admin.getConfigurationProperties())) {
			admin
				.deleteRecords(Map.of(new TopicPartition(RETENTION_TOPIC + "-dlt", partition),
						RecordsToDelete.beforeOffset(second)))
				.all()
				.get(10, TimeUnit.SECONDS);
		}
		assertThat(decided(partition)).hasSize(3);

		assertThat(this.deadLetters.page(RETENTION_TOPIC, null, null, 10).deadLetters())
			.extracting(DeadLetter::id, DeadLetter::status)
			.containsExactly(tuple(letters.get(1).id(), Status.DISCARDED),
					tuple(letters.get(2).id(), Status.DISCARDED));
		assertThat(decided(partition)).as("the decisions kept").containsExactly(second, second + 1);
	}

	private List<Long> decided(int partition) {
		return this.jdbc.queryForList("""
				SELECT dead_letter_offset FROM dead_letter_disposition
				WHERE dead_letter_topic = ? AND dead_letter_partition = ? ORDER BY dead_letter_offset""", Long.class,
				RETENTION_TOPIC + "-dlt", partition);
	}

	@Test
	void aTopicThisServiceDoesNotConsumeHasNoDeadLettersHere() {
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.page("orders.events", null, null, 10))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatExceptionOfType(DeadLetterProblem.class).isThrownBy(() -> this.deadLetters.get(TOPIC, "0-x"))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThatExceptionOfType(DeadLetterProblem.class)
			.isThrownBy(() -> this.deadLetters.redrive(TOPIC, Arrays.asList("0-1", null), "olivia", null))
			.satisfies((problem) -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	/** A record as the error handler would have dead-lettered it for {@code group}. */
	private static ProducerRecord<String, String> deadLetter(String key, String group, int i) {
		return deadLetter(PAGING_TOPIC, key, group, i);
	}

	private static ProducerRecord<String, String> deadLetter(String topic, String key, String group, int i) {
		ProducerRecord<String, String> record = new ProducerRecord<>(topic + "-dlt", key, "{\"n\":" + i + "}");
		record.headers().add(CloudEventHeaders.ID, (group + "-" + i).getBytes(StandardCharsets.UTF_8));
		record.headers().add("kafka_dlt-original-consumer-group", group.getBytes(StandardCharsets.UTF_8));
		record.headers().add("kafka_dlt-exception-message", "refused".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private void send(String key, String messageId, String needs) throws Exception {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key,
				(needs != null) ? "{\"needs\":\"" + needs + "\"}" : "{}");
		record.headers().add(CloudEventHeaders.ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.TYPE, "StockNeeded".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
	}

	private int effects(String messageId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM inbox_test_effect WHERE message_id = ?", Integer.class,
				messageId);
	}

	private double decisions(String topic, Action action) {
		return DeadLetters.decisions(this.meters, topic, action).count();
	}

	/** The dead letters of the message, in the order they were dead-lettered. */
	private List<DeadLetter> deadLettersOf(String messageId) {
		List<DeadLetter> found = new ArrayList<>();
		String after = null;
		do {
			DeadLetters.DeadLetterPage page = this.deadLetters.page(TOPIC, after, null, 100);
			page.deadLetters().stream().filter((letter) -> messageId.equals(letter.messageId())).forEach(found::add);
			after = page.next();
		}
		while (after != null);
		return found;
	}

	/** Waits for the message's dead letter number {@code index} (0 for its first). */
	private DeadLetter awaitDeadLetter(String messageId, int index) {
		return Eventually.await(WAIT, () -> {
			List<DeadLetter> found = deadLettersOf(messageId);
			return (found.size() > index) ? found.get(index) : null;
		});
	}

	private int recordsOnTopic(String messageId) {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		int count = 0;
		try (Consumer<String, byte[]> consumer = this.consumers.createConsumer("reader-" + UUID.randomUUID(), null,
				null, fromStart)) {
			consumer.subscribe(List.of(TOPIC));
			Instant deadline = Instant.now().plusSeconds(30);
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (messageId.equals(CloudEventHeaders.get(record, CloudEventHeaders.ID))) {
						count++;
					}
				}
				if (!consumer.assignment().isEmpty() && consumer.assignment()
					.stream()
					.allMatch((partition) -> consumer.position(partition) >= consumer.endOffsets(List.of(partition))
						.get(partition))) {
					return count;
				}
			}
			throw new AssertionError("Could not read " + TOPIC + " to its end in 30 s");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listener {

		@Bean
		KafkaAdmin.NewTopics deadLettersTopics() {
			return TopicDeclarations.of(2, List.of(TOPIC, PAGING_TOPIC, RETENTION_TOPIC),
					List.of(TOPIC, PAGING_TOPIC, RETENTION_TOPIC));
		}

		@Bean
		FixableListener fixableListener(Inbox inbox, JdbcTemplate jdbc, JsonMapper json) {
			return new FixableListener(inbox, jdbc, json);
		}

	}

	/**
	 * A consumer whose records fail until what they need is fixed, the way a command
	 * fails for a product that is not there yet.
	 */
	static class FixableListener {

		private final Inbox inbox;

		private final JdbcTemplate jdbc;

		private final JsonMapper json;

		private final Set<String> fixed = ConcurrentHashMap.newKeySet();

		FixableListener(Inbox inbox, JdbcTemplate jdbc, JsonMapper json) {
			this.inbox = inbox;
			this.jdbc = jdbc;
			this.json = json;
		}

		void fix(String needs) {
			this.fixed.add(needs);
		}

		@KafkaListener(topics = TOPIC, groupId = "dead-letters-it", batch = "true")
		void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
			this.inbox.process("dead-letters-it", records, acknowledgment, (message) -> {
				String id = CloudEventHeaders.get(message, CloudEventHeaders.ID);
				JsonNode payload = this.json.readTree(message.value());
				JsonNode needs = payload.path("needs");
				if (!needs.isMissingNode() && !this.fixed.contains(needs.asString())) {
					throw new IllegalStateException("not fixed yet: " + needs.asString());
				}
				this.jdbc.update("INSERT INTO inbox_test_effect (message_id, payload) VALUES (?, ?)", id,
						payload.toString());
			});
		}

		/**
		 * Makes this service a consumer of the paging topic; its records are not used.
		 */
		@KafkaListener(topics = PAGING_TOPIC, groupId = PAGING_GROUP, batch = "true")
		void paging(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
			acknowledgment.acknowledge();
		}

		/**
		 * Makes this service a consumer of the retention topic; its records are not used.
		 */
		@KafkaListener(topics = RETENTION_TOPIC, groupId = RETENTION_GROUP, batch = "true")
		void retention(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
			acknowledgment.acknowledge();
		}

	}

}
