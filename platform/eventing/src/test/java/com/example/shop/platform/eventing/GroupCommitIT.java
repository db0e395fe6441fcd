package com.example.shop.platform.eventing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import brave.Tracing;
import com.example.shop.platform.testsupport.RealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent callers of {@link GroupCommit} on real PostgreSQL. The first caller's work
 * is held inside its transaction until the others are queued, so that they form one
 * batch.
 */
@SpringBootTest
@RealInfrastructure
class GroupCommitIT {

	final String prefix = "group-" + UUID.randomUUID() + "/";

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	final ExecutorService callers = Executors.newFixedThreadPool(8);

	GroupCommit groupCommit;

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@Test
	void concurrentCallersShareOneCommitAndEachGetsItsOwnResult() throws Exception {
		groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(), MessageTracing.off());
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = call(() -> {
			String transaction = insert("first");
			running.countDown();
			await(release);
			return transaction;
		});
		// the first batch has been taken, holding the first caller's work alone
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> others = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String name = "other-" + i;
			others.add(call(() -> insert(name) + " " + name));
		}
		awaitWaiting(5);

		release.countDown();

		String firstTransaction = first.get(10, TimeUnit.SECONDS);
		List<String> answers = new ArrayList<>();
		for (CompletableFuture<String> other : others) {
			answers.add(other.get(10, TimeUnit.SECONDS));
		}
		assertThat(answers).extracting((answer) -> answer.split(" ")[1])
			.containsExactly("other-0", "other-1", "other-2", "other-3", "other-4");
		assertThat(answers).extracting((answer) -> answer.split(" ")[0])
			.as("the five waiting callers shared one transaction")
			.containsOnly(answers.get(0).split(" ")[0])
			.doesNotContain(firstTransaction);
		assertThat(rows()).containsExactlyInAnyOrder("first", "other-0", "other-1", "other-2", "other-3", "other-4");
	}

	@Test
	void workRunOnTheLeadersThreadLogsWithItsOwnCallersContext() throws Exception {
		groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(), MessageTracing.off());
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> leader = callAs("corr-leader", () -> {
			insert("leader");
			running.countDown();
			await(release);
			return MDC.get("correlation_id");
		});
		// the first batch has been taken, holding the first caller's work alone
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> others = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String correlation = "corr-" + i;
			others.add(callAs(correlation, () -> {
				insert(correlation);
				return MDC.get("correlation_id") + " on " + Thread.currentThread().getName();
			}));
		}
		awaitWaiting(3);

		release.countDown();

		assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo("corr-leader");
		for (int i = 0; i < 3; i++) {
			assertThat(others.get(i).get(10, TimeUnit.SECONDS)).startsWith("corr-" + i + " on ");
		}
	}

	@Test
	void workRunOnTheLeadersThreadIsInItsOwnCallersSpan() throws Exception {
		try (Tracing brave = Tracing.newBuilder().propagationFactory(new W3CPropagation()).build()) {
			Tracer tracer = new BraveTracer(brave.tracer(), new BraveCurrentTraceContext(brave.currentTraceContext()));
			groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(),
					new MessageTracing(tracer, new BravePropagator(brave)));
			CountDownLatch running = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<String> leader = callInSpan(tracer, () -> {
				insert("leader-span");
				running.countDown();
				await(release);
				return tracer.currentSpan().context().spanId();
			});
			// the first batch has been taken, holding the first caller's work alone
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			List<CompletableFuture<String>> others = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				String row = "span-" + i;
				others.add(callInSpan(tracer, () -> {
					insert(row);
					return tracer.currentSpan().context().spanId() + " on " + Thread.currentThread().getName();
				}));
			}
			awaitWaiting(3);

			release.countDown();

			String leaderSpan = leader.get(10, TimeUnit.SECONDS).split(" ")[0];
			for (CompletableFuture<String> other : others) {
				String[] answer = other.get(10, TimeUnit.SECONDS).split(" on ");
				assertThat(answer[0]).as("the caller's own span, not the leader's").isNotEqualTo(leaderSpan);
			}
			assertThat(others.stream().map((other) -> other.join().split(" on ")[0]).distinct()).hasSize(3);
		}
	}

	/**
	 * A caller working in a span of its own, as a request's server span would be, that
	 * checks that its work, wherever it ran, saw that span; the future's value starts
	 * with the span id the work saw.
	 */
	private CompletableFuture<String> callInSpan(Tracer tracer, Supplier<String> work) {
		return CompletableFuture.supplyAsync(() -> {
			Span span = tracer.nextSpan().name("caller").start();
			try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
				String seen = groupCommit.execute(work);
				assertThat(seen).startsWith(span.context().spanId());
				return seen;
			}
			finally {
				span.end();
			}
		}, callers);
	}

	@Test
	void aFailingCallerNeverFailsItsNeighbours() throws Exception {
		groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(), MessageTracing.off());
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = call(() -> {
			insert("first");
			running.countDown();
			await(release);
			return "first";
		});
		// the first batch has been taken, holding the first caller's work alone
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> before = call(() -> insert("before"));
		awaitWaiting(1);
		CompletableFuture<String> failing = call(() -> {
			insert("failing");
			// a statement PostgreSQL refuses aborts the whole transaction
			jdbc.queryForObject("SELECT 1 / 0", Integer.class);
			return "never";
		});
		awaitWaiting(2);
		CompletableFuture<String> after = call(() -> insert("after"));
		awaitWaiting(3);

		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(before.get(10, TimeUnit.SECONDS)).isNotBlank();
		assertThat(after.get(10, TimeUnit.SECONDS)).isNotBlank();
		assertThat(failing).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.withMessageContaining("division by zero");
		assertThat(rows()).containsExactlyInAnyOrder("first", "before", "after");
	}

	@Test
	void aCommitThatFailsForTheBatchRunsEachCallerAlone() throws Exception {
		groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(), MessageTracing.off());
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<String> first = call(() -> {
			insert("first");
			running.countDown();
			await(release);
			return "first";
		});
		// the first batch has been taken, holding the first caller's work alone
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		List<CompletableFuture<String>> others = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = "other-" + i;
			others.add(call(() -> {
				TransactionSynchronizationManager.registerSynchronization(new OneCallerPerCommit());
				return insert(name);
			}));
		}
		awaitWaiting(3);

		release.countDown();

		first.get(10, TimeUnit.SECONDS);
		List<String> transactionsOfOthers = new ArrayList<>();
		for (CompletableFuture<String> other : others) {
			transactionsOfOthers.add(other.get(10, TimeUnit.SECONDS));
		}
		assertThat(transactionsOfOthers).doesNotHaveDuplicates();
		assertThat(rows()).containsExactlyInAnyOrder("first", "other-0", "other-1", "other-2");
	}

	@Test
	void aLoneCallerRunsAtOnceInATransactionOfItsOwn() {
		groupCommit = new GroupCommit(transactions, 64, new SimpleMeterRegistry(), MessageTracing.off());

		String transaction = groupCommit.execute(() -> insert("alone"));

		assertThat(transaction).isNotBlank();
		assertThat(rows()).containsExactly("alone");
		assertThat(groupCommit.waiting()).isZero();
	}

	/**
	 * Inserts a row named {@code name} and answers the id of the transaction it ran in.
	 */
	private String insert(String name) {
		jdbc.update("INSERT INTO inbox_test_effect (message_id, payload) VALUES (?, '')", prefix + name);
		return jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
	}

	private List<String> rows() {
		return jdbc
			.queryForList("SELECT message_id FROM inbox_test_effect WHERE message_id LIKE ?", String.class,
					prefix + "%")
			.stream()
			.map((id) -> id.substring(prefix.length()))
			.toList();
	}

	private <T> CompletableFuture<T> call(Supplier<T> work) {
		return CompletableFuture.supplyAsync(() -> groupCommit.execute(work), callers);
	}

	/**
	 * A caller whose logging context holds this correlation id, as a request's would.
	 */
	private <T> CompletableFuture<T> callAs(String correlation, Supplier<T> work) {
		return CompletableFuture.supplyAsync(() -> {
			MDC.put("correlation_id", correlation);
			try {
				return groupCommit.execute(work);
			}
			finally {
				MDC.remove("correlation_id");
			}
		}, callers);
	}

	private void awaitWaiting(int count) {
		Instant deadline = Instant.now().plusSeconds(10);
		while (groupCommit.waiting() < count) {
			assertThat(Instant.now()).as("%d callers waiting within 10 s", count).isBefore(deadline);
			Thread.onSpinWait();
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

	/**
	 * Refuses to commit a transaction that holds more than one caller's work.
	 */
	static final class OneCallerPerCommit implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			long callers = TransactionSynchronizationManager.getSynchronizations()
				.stream()
				.filter(OneCallerPerCommit.class::isInstance)
				.count();
			if (callers > 1) {
				throw new IllegalStateException("too many at once");
			}
		}

	}

}
