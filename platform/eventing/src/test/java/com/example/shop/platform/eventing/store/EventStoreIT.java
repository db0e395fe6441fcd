package com.example.shop.platform.eventing.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.example.shop.platform.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@RealInfrastructure
class EventStoreIT {

	@Autowired
	EventStore store;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void exactlyOneOfSixteenConcurrentWritersAtTheSameVersionWins() throws Exception {
		String stream = stream();
		store.append(stream, 0, List.of(event("first")));
		int writers = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			for (int i = 0; i < writers; i++) {
				int writer = i;
				results.add(pool.submit(() -> {
					start.await();
					return this.transactions
						.execute((status) -> store.append(stream, 1, List.of(event("writer " + writer))));
				}));
			}
			start.countDown();
			int won = 0;
			int conflicts = 0;
			for (Future<Long> result : results) {
				try {
					assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(2);
					won++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(OptimisticConcurrencyException.class);
					conflicts++;
				}
			}
			assertThat(won).isEqualTo(1);
			assertThat(conflicts).isEqualTo(writers - 1);
		}
		assertThat(store.readStream(stream, 1)).extracting(RecordedEvent::version).containsExactly(1L, 2L);
	}

	@Test
	void readsSeveralStreamsEachFromItsOwnVersionWithWhatTheTransactionAppended() {
		String three = stream();
		String two = stream();
		String none = stream();
		store.append(three, 0, List.of(event("a1"), event("a2"), event("a3")));
		store.append(two, 0, List.of(event("b1"), event("b2")));
		Map<String, Long> from = new LinkedHashMap<>();
		from.put(three, 2L);
		from.put(two, 1L);
		from.put(none, 1L);

		List<RecordedEvent> stored = new ArrayList<>();
		store.readStreams(from, stored::add);
		assertThat(stored).extracting((event) -> event.streamId() + "@" + event.version())
			.containsExactlyInAnyOrder(three + "@2", three + "@3", two + "@1", two + "@2");
		assertThat(stored.stream().filter((event) -> event.streamId().equals(three))).extracting(RecordedEvent::version)
			.containsExactly(2L, 3L);

		List<RecordedEvent> withPending = new ArrayList<>();
		this.transactions.executeWithoutResult((status) -> {
			store.append(two, 2, List.of(event("b3")));
			store.readStreams(from, withPending::add);
			status.setRollbackOnly();
		});
		assertThat(withPending.stream().filter((event) -> event.streamId().equals(two)))
			.extracting(RecordedEvent::version)
			.containsExactly(1L, 2L, 3L);
	}

	@Test
	void appendToAStreamThatMovedOnIsAConflict() {
		String stream = stream();
		store.append(stream, 0, List.of(event("a"), event("b")));

		assertThatThrownBy(() -> store.append(stream, 1, List.of(event("stale"))))
			.isInstanceOf(OptimisticConcurrencyException.class)
			.hasMessageContaining("at version 2, not the expected 1");
		assertThatThrownBy(() -> store.append(stream, 3, List.of(event("ahead"))))
			.isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(store.currentVersion(stream)).isEqualTo(2);
	}

	@Test
	void appendingToSeveralStreamsInOneTransactionIsAllOrNothing() {
		String first = stream();
		String second = stream();
		store.append(second, 0, List.of(event("exists")));

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			store.append(first, 0, List.of(event("one"), event("two")));
			store.append(second, 0, List.of(event("conflicts")));
		})).isInstanceOf(OptimisticConcurrencyException.class);

		assertThat(store.readStream(first, 1)).isEmpty();
		assertThat(store.readStream(second, 1)).hasSize(1);

		this.transactions.executeWithoutResult((status) -> {
			store.append(first, 0, List.of(event("one")));
			store.append(second, 1, List.of(event("two")));
		});
		assertThat(store.currentVersion(first)).isEqualTo(1);
		assertThat(store.currentVersion(second)).isEqualTo(2);
	}

	@Test
	void aTransactionWritesItsAppendsToAllStreamsWhenItCommitsAndReadsThemBefore() {
		String first = stream();
		String second = stream();
		store.append(first, 0, List.of(event("exists")));

		this.transactions.executeWithoutResult((status) -> {
			store.append(first, 1, List.of(event("a"), event("b")));
			store.append(second, 0, List.of(event("c")));
			store.append(first, 3, List.of(event("d")));

			assertThat(storedRows(first, second)).as("nothing written before the commit").isEqualTo(1);
			assertThat(store.currentVersion(first)).isEqualTo(4);
			assertThat(store.readStream(first, 2)).extracting(RecordedEvent::version).containsExactly(2L, 3L, 4L);
			assertThatThrownBy(() -> store.append(first, 3, List.of(event("stale"))))
				.isInstanceOf(OptimisticConcurrencyException.class)
				.hasMessageContaining("at version 4, not the expected 3");
		});

		List<RecordedEvent> firstEvents = store.readStream(first, 1);
		List<RecordedEvent> secondEvents = store.readStream(second, 1);
		assertThat(firstEvents).extracting(RecordedEvent::data)
			.containsExactly("{\"note\": \"exists\"}", "{\"note\": \"a\"}", "{\"note\": \"b\"}", "{\"note\": \"d\"}");
		assertThat(secondEvents).hasSize(1);
		// written in the order they were appended
		assertThat(List.of(firstEvents.get(1).position(), firstEvents.get(2).position(), secondEvents.get(0).position(),
				firstEvents.get(3).position()))
			.isSorted()
			.doesNotHaveDuplicates();
	}

	@Test
	void aCommitFindingOneOfItsStreamsMovedOnRollsBackEveryStream() {
		String moved = stream();
		String other = stream();
		store.append(moved, 0, List.of(event("exists")));

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			store.append(other, 0, List.of(event("other")));
			store.append(moved, 1, List.of(event("mine")));
			// another writer, outside this transaction, gets there first
			CompletableFuture.runAsync(() -> store.append(moved, 1, List.of(event("theirs"), event("theirs too"))))
				.join();
		})).isInstanceOf(OptimisticConcurrencyException.class)
			.hasMessage("Stream " + moved + " is at version 3, not the expected 1");

		assertThat(store.readStream(other, 1)).isEmpty();
		assertThat(store.readStream(moved, 1)).extracting(RecordedEvent::data)
			.containsExactly("{\"note\": \"exists\"}", "{\"note\": \"theirs\"}", "{\"note\": \"theirs too\"}");
	}

	@Test
	void readingAStreamThatAnotherWriterMovedOnSinceThisTransactionAppendedIsAConflict() {
		String stream = stream();
		store.append(stream, 0, List.of(event("exists")));

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			store.append(stream, 1, List.of(event("mine")));
			CompletableFuture.runAsync(() -> store.append(stream, 1, List.of(event("theirs")))).join();
			store.readStream(stream, 1);
		})).isInstanceOf(OptimisticConcurrencyException.class)
			.hasMessage("Stream " + stream + " is at version 2, not the expected 1");
	}

	@Test
	void anAppendAfterTheTransactionWroteItsEventsIsRefusedNotLost() {
		String stream = stream();

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			store.append(stream, 0, List.of(event("first")));
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					store.append(stream, 1, List.of(event("too late")));
				}

			});
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("after the transaction wrote its events");

		assertThat(store.readStream(stream, 1)).isEmpty();
	}

	@Test
	void aTransactionStartedWhileAnotherWaitsWritesItsOwnAppendsOnly() {
		String outer = stream();
		String inner = stream();
		TransactionTemplate requiresNew = new TransactionTemplate(this.transactions.getTransactionManager());
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.transactions.executeWithoutResult((status) -> {
			store.append(outer, 0, List.of(event("outer")));
			requiresNew.executeWithoutResult((inside) -> store.append(inner, 0, List.of(event("inner"))));

			assertThat(CompletableFuture.supplyAsync(() -> storedRows(inner)).join())
				.as("the inner transaction's event, committed with it")
				.isEqualTo(1);
			assertThat(storedRows(outer)).as("the outer transaction's event, not yet written").isZero();
			assertThat(store.currentVersion(outer)).isEqualTo(1);
		});

		assertThat(storedRows(outer)).isEqualTo(1);
	}

	@Test
	void readsAStreamFromAVersionWithItsMetadata() {
		String stream = stream();
		EventMetadata metadata = new EventMetadata("corr-1", "cause-1", "alice",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		store.append(stream, 0,
				List.of(event("a"), event("b"), event("c"))
					.stream()
					.map((e) -> new NewEvent(e.eventId(), e.type(), 3, e.data(), metadata))
					.toList());

		List<RecordedEvent> fromTwo = store.readStream(stream, 2);

		assertThat(fromTwo).extracting(RecordedEvent::version).containsExactly(2L, 3L);
		assertThat(fromTwo.get(0).data()).contains("\"b\"");
		assertThat(fromTwo.get(0).metadata()).isEqualTo(metadata);
		assertThat(fromTwo.get(0).schemaVersion()).isEqualTo(3);
		assertThat(fromTwo.get(0).type()).isEqualTo("Noted");
	}

	@Test
	void readsAStreamAsItWasAtAnInstant() throws Exception {
		String stream = stream();
		store.append(stream, 0, List.of(event("before")));
		Thread.sleep(20);
		Instant between = Instant.now();
		Thread.sleep(20);
		store.append(stream, 1, List.of(event("after")));

		assertThat(store.readStreamAsOf(stream, between)).extracting(RecordedEvent::version).containsExactly(1L);
		assertThat(store.readStreamAsOf(stream, Instant.now())).hasSize(2);
		assertThat(store.readStreamAsOf(stream, between.minusSeconds(60))).isEmpty();
	}

	@Test
	void readAllPagesInGlobalOrderAndNeverSkipsATransactionThatCommitsLate() throws Exception {
		long start = lastPosition();
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		String slow = stream();
		String fast = stream();
		// the slow transaction writes its events first, taking the smaller position, and
		// commits last
		CompletableFuture<Void> slowWriter = CompletableFuture
			.runAsync(() -> this.transactions.executeWithoutResult((status) -> {
				store.append(slow, 0, List.of(event("slow")));
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void beforeCommit(boolean readOnly) {
						// runs after the store's own, which wrote the events
						appended.countDown();
						await(release);
					}

				});
			}));
		assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
		store.append(fast, 0, List.of(event("fast 1"), event("fast 2")));

		assertThat(store.readAll(start, 100)).extracting(RecordedEvent::streamId).doesNotContain(slow, fast);

		release.countDown();
		slowWriter.get(10, TimeUnit.SECONDS);
		List<RecordedEvent> page1 = store.readAll(start, 2);
		List<RecordedEvent> page2 = store.readAll(page1.get(1).position(), 100);
		List<String> all = new ArrayList<>();
		page1.forEach((e) -> all.add(e.streamId()));
		page2.forEach((e) -> all.add(e.streamId()));
		assertThat(all).containsSubsequence(slow, fast, fast);
		assertThat(page1.get(0).position()).isLessThan(page1.get(1).position());
	}

	private int storedRows(String... streams) {
		Integer rows = this.jdbc.queryForObject("SELECT count(*) FROM event_store WHERE stream_id = ANY(?)",
				Integer.class, (Object) streams);
		return (rows != null) ? rows : 0;
	}

	private long lastPosition() {
		long position = 0;
		List<RecordedEvent> page;
		do {
			page = store.readAll(position, 1000);
			if (!page.isEmpty()) {
				position = page.get(page.size() - 1).position();
			}
		}
		while (page.size() == 1000);
		return position;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String stream() {
		return "test-" + UUID.randomUUID();
	}

	static NewEvent event(String note) {
		return new NewEvent(UUID.randomUUID(), "Noted", 1, "{\"note\":\"" + note + "\"}",
				EventMetadata.newRequest("test", null));
	}

	static List<NewEvent> events(int count) {
		return IntStream.range(0, count).mapToObj((i) -> event("n" + i)).toList();
	}

}
