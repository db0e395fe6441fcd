package com.example.shop.platform.eventing.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.NewEvent;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox's handling of a whole poll, on real PostgreSQL: called the way the listener
 * container calls a batch listener, with records built here so that each test decides
 * exactly what one poll holds.
 */
@SpringBootTest
@RealInfrastructure
class InboxBatchIT {

	final String consumer = "inbox-batch-" + UUID.randomUUID();

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EventStore events;

	final CountingAcknowledgment acknowledgment = new CountingAcknowledgment();

	final List<String> applied = new ArrayList<>();

	@Test
	void appliesAPollInOneTransactionAndAcknowledgesItOnce() {
		List<String> transactions = new ArrayList<>();

		inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			transactions.add(jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class));
			effect(record);
		});

		assertThat(effects()).containsExactly("a", "b", "c");
		assertThat(transactions).hasSize(3).containsOnly(transactions.get(0));
		assertThat(acknowledgment.count).hasValue(1);
	}

	@Test
	void aLaterRecordOfThePollSeesWhatAnEarlierOneWrote() {
		List<Integer> seen = new ArrayList<>();

		inbox.process(consumer, poll("a", "b"), acknowledgment, (record) -> {
			seen.add(effects().size());
			effect(record);
		});

		assertThat(seen).containsExactly(0, 1);
	}

	@Test
	void skipsDuplicatesWithinThePollAndThoseProcessedBefore() {
		inbox.process(consumer, poll("c"), acknowledgment, this::effect);
		double duplicatesBefore = meters.counter("inbox.duplicates").count();

		inbox.process(consumer, poll("a", "b", "a", "c"), acknowledgment, this::effect);

		assertThat(effects()).containsExactly("c", "a", "b");
		assertThat(meters.counter("inbox.duplicates").count()).isEqualTo(duplicatesBefore + 2);
		assertThat(acknowledgment.count).hasValue(2);
	}

	@Test
	void aFailingRecordIsReportedByItsIndexWithTheRecordsBeforeItApplied() {
		AtomicInteger runsOfB = new AtomicInteger();

		assertThatThrownBy(() -> inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			if (id(record).equals("b")) {
				runsOfB.incrementAndGet();
				effect(record);
				throw new IllegalStateException("refused");
			}
			effect(record);
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
			assertThat(ex.getIndex()).isEqualTo(1);
			assertThat(ex.getCause()).hasMessage("refused");
		});

		assertThat(effects()).containsExactly("a");
		assertThat(runsOfB).as("a failure other than a conflict is not run again here").hasValue(1);
		assertThat(acknowledgment.count).hasValue(0);
		assertThat(claimed()).containsExactly("a");
	}

	@Test
	void aRecordThatLostARaceRunsAgainAloneAndThePollGoesOn() {
		AtomicInteger runsOfB = new AtomicInteger();

		inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			if (id(record).equals("b") && runsOfB.incrementAndGet() == 1) {
				effect(record);
				throw new OptimisticConcurrencyException("stream-b", 1, 2);
			}
			effect(record);
		});

		assertThat(effects()).containsExactly("a", "b", "c");
		assertThat(runsOfB).hasValue(2);
		assertThat(acknowledgment.count).hasValue(1);
	}

	@Test
	void aRecordThatKeepsLosingIsReportedAfterItsAttempts() {
		AtomicInteger runsOfB = new AtomicInteger();

		assertThatThrownBy(() -> inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			if (id(record).equals("b")) {
				runsOfB.incrementAndGet();
				throw new OptimisticConcurrencyException("stream-b", 1, 2);
			}
			effect(record);
		})).isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> assertThat(ex.getIndex()).isEqualTo(1));

		assertThat(effects()).containsExactly("a");
		// once in the poll, then shop.eventing.conflict-retry.attempts (5) times alone
		assertThat(runsOfB).hasValue(6);
	}

	@Test
	void aCommitThatFailsForThePollAppliesItRecordByRecord() {
		inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			effect(record);
			TransactionSynchronizationManager.registerSynchronization(new OneRecordPerCommit());
		});

		assertThat(effects()).containsExactly("a", "b", "c");
		assertThat(acknowledgment.count).hasValue(1);
	}

	@Test
	void aConflictFoundWhenThePollsEventsAreWrittenRunsThePollOnceMoreAsAWhole() {
		String stream = "inbox-batch-" + UUID.randomUUID();
		events.append(stream, 0, List.of(event()));
		List<String> transactions = new ArrayList<>();
		AtomicInteger attempts = new AtomicInteger();

		inbox.process(consumer, poll("a", "b", "c"), acknowledgment, (record) -> {
			effect(record);
			if (id(record).equals("b")) {
				long version = events.currentVersion(stream);
				events.append(stream, version, List.of(event()));
				if (attempts.incrementAndGet() == 1) {
					// another writer moves the stream on before this poll's events are
					// written
					CompletableFuture.runAsync(() -> events.append(stream, version, List.of(event()))).join();
				}
			}
			transactions.add(jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class));
		});

		assertThat(effects()).containsExactly("a", "b", "c");
		assertThat(attempts).hasValue(2);
		assertThat(transactions).as("two runs of the whole poll, each in one transaction").hasSize(6);
		assertThat(transactions.subList(3, 6)).containsOnly(transactions.get(3));
		assertThat(events.currentVersion(stream)).isEqualTo(3);
		assertThat(acknowledgment.count).hasValue(1);
	}

	@Test
	void aHandlerDecodesEachFreshRecordOnceAndPreparesForThemAllInThePollsTransaction() {
		inbox.process(consumer, poll("c"), acknowledgment, this::effect);
		List<String> decoded = new ArrayList<>();
		List<String> prepared = new ArrayList<>();
		List<String> transactions = new ArrayList<>();

		inbox.process(consumer, poll("a", "b", "a", "c"), acknowledgment, new PollHandler<byte[], String>() {

			@Override
			public String decode(ConsumerRecord<String, byte[]> record) {
				decoded.add(id(record));
				return id(record).toUpperCase();
			}

			@Override
			public void prepare(List<String> messages) {
				prepared.addAll(messages);
				transactions.add(currentTransaction());
			}

			@Override
			public void apply(ConsumerRecord<String, byte[]> record, String message) {
				assertThat(message).isEqualTo(id(record).toUpperCase());
				transactions.add(currentTransaction());
				effect(record);
			}

		});

		assertThat(decoded).containsExactly("a", "b");
		assertThat(prepared).containsExactly("A", "B");
		assertThat(transactions).hasSize(3).containsOnly(transactions.get(0));
		assertThat(effects()).containsExactly("c", "a", "b");
	}

	@Test
	void aRecordThatCannotBeDecodedIsReportedByItsIndexAndAFailedPrepareOnlyCostsTheBatch() {
		List<Integer> prepared = new ArrayList<>();
		PollHandler<byte[], String> handler = new PollHandler<>() {

			@Override
			public String decode(ConsumerRecord<String, byte[]> record) {
				if (id(record).equals("c")) {
					throw new InvalidMessageException("unreadable");
				}
				return id(record);
			}

			@Override
			public void prepare(List<String> messages) {
				prepared.add(messages.size());
				throw new IllegalStateException("prepare failed");
			}

			@Override
			public void apply(ConsumerRecord<String, byte[]> record, String message) {
				effect(record);
			}

		};

		assertThatThrownBy(() -> inbox.process(consumer, poll("a", "b", "c", "d"), acknowledgment, handler))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(2);
				assertThat(ex.getCause()).isInstanceOf(InvalidMessageException.class);
			});

		// c failed to decode, so the records before it ran again, failed to prepare
		// together, and then ran one by one, where nothing is prepared
		assertThat(prepared).containsExactly(2);
		assertThat(effects()).containsExactly("a", "b");
	}

	@Test
	void aRecordWithoutMessageIdIsReportedAfterTheRecordsBeforeIt() {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(poll("a"));
		records.add(new ConsumerRecord<>("inbox-batch", 0, 1, "key", new byte[0]));
		records.addAll(poll("c"));

		assertThatThrownBy(() -> inbox.process(consumer, records, acknowledgment, this::effect))
			.isInstanceOfSatisfying(BatchListenerFailedException.class, (ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getCause()).isInstanceOf(InvalidMessageException.class);
			});

		assertThat(effects()).containsExactly("a");
	}

	private String currentTransaction() {
		return jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
	}

	private void effect(ConsumerRecord<String, byte[]> record) {
		jdbc.update("INSERT INTO inbox_test_effect (message_id, payload) VALUES (?, ?)", consumer + "/" + id(record),
				"");
	}

	private List<String> effects() {
		return jdbc
			.queryForList("SELECT message_id FROM inbox_test_effect WHERE message_id LIKE ? ORDER BY ctid",
					String.class, consumer + "/%")
			.stream()
			.map((id) -> id.substring(consumer.length() + 1))
			.toList();
	}

	private List<String> claimed() {
		return jdbc.queryForList("SELECT message_id FROM inbox_message WHERE consumer = ? ORDER BY message_id",
				String.class, consumer);
	}

	private static List<ConsumerRecord<String, byte[]>> poll(String... ids) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("inbox-batch", 0, i, "key", new byte[0]);
			record.headers().add(CloudEventHeaders.ID, ids[i].getBytes(StandardCharsets.UTF_8));
			records.add(record);
		}
		return records;
	}

	private static NewEvent event() {
		return new NewEvent(UUID.randomUUID(), "Noted", 1, "{}", EventMetadata.newRequest("test", null));
	}

	private static String id(ConsumerRecord<String, byte[]> record) {
		return CloudEventHeaders.get(record, CloudEventHeaders.ID);
	}

	/**
	 * Refuses to commit a transaction that holds more than one record's effect.
	 */
	static final class OneRecordPerCommit implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			long records = TransactionSynchronizationManager.getSynchronizations()
				.stream()
				.filter(OneRecordPerCommit.class::isInstance)
				.count();
			if (records > 1) {
				throw new IllegalStateException("too much at once");
			}
		}

	}

	static final class CountingAcknowledgment implements Acknowledgment {

		final AtomicInteger count = new AtomicInteger();

		@Override
		public void acknowledge() {
			this.count.incrementAndGet();
		}

	}

}
