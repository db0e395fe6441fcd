package com.example.shop.platform.eventing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.store.ConflictRetry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Lets concurrent commands share one transaction, and so one commit, while each caller
 * still waits for its own durable commit and gets its own outcome.
 * <p>
 * A caller hands in its unit of work and blocks. Whoever finds no transaction running
 * becomes the leader: it takes every unit of work waiting (up to {@code maxBatch}), runs
 * them one after the other in one transaction, commits, and hands each caller its result.
 * Work that arrives meanwhile waits for the next leader, so a batch forms exactly while a
 * commit is in flight and nothing ever waits for a timer: a lone request runs at once,
 * alone.
 * <p>
 * Each unit of work sees what the ones before it in its batch wrote, exactly as if they
 * had run one after the other. When one of them fails, the transaction rolls back; the
 * work before it runs again as a batch of its own, the failing work runs alone in a
 * transaction of its own, so that its caller gets the outcome it would have had alone (an
 * exception, usually), and the work after it forms the next batch. A rejected,
 * conflicting or duplicate request therefore never fails its neighbours. A commit that
 * fails for the batch as a whole runs every unit of work alone; when it failed on a
 * conflict (the event store checks the versions of the batch's streams when it writes
 * their events, at commit), the batch first runs once more as a whole.
 * <p>
 * The work runs on the leader's thread, not the caller's: it must take everything it
 * needs as arguments, not from thread-bound state. Batch sizes are recorded in
 * {@code group.commit.size}.
 */
public final class GroupCommit {

	private final TransactionOperations transactions;

	private final int maxBatch;

	private final MessageTracing tracing;

	private final ReentrantLock lock = new ReentrantLock();

	private final List<Task<?>> waiting = new ArrayList<>();

	private boolean leading;

	private final DistributionSummary sizes;

	/**
	 * @param maxBatch units of work that share a transaction at most
	 */
	public GroupCommit(TransactionOperations transactions, int maxBatch, MeterRegistry meters, MessageTracing tracing) {
		if (maxBatch < 1) {
			throw new IllegalArgumentException("maxBatch must be at least 1");
		}
		this.transactions = transactions;
		this.tracing = tracing;
		this.maxBatch = maxBatch;
		this.sizes = DistributionSummary.builder("group.commit.size")
			.description("Units of work committed in one transaction")
			.register(meters);
	}

	/**
	 * Runs {@code work} in a transaction it may share with concurrent callers, and
	 * returns once that transaction has committed.
	 * @throws RuntimeException what {@code work} throws when it runs alone
	 */
	public <T> T execute(Supplier<T> work) {
		Task<T> task = new Task<>(inCallersLogContext(this.tracing.inCurrentSpan(work)));
		boolean lead;
		this.lock.lock();
		try {
			this.waiting.add(task);
			lead = !this.leading;
			this.leading = true;
		}
		finally {
			this.lock.unlock();
		}
		if (!lead) {
			// someone else runs it, or hands this caller the lead for the next batch
			task.awaitOutcomeOrLead();
		}
		if (!task.result().isDone()) {
			leadOneBatch();
		}
		return task.outcome();
	}

	/**
	 * The work as it runs on the leader's thread, with its caller's logging context (the
	 * request's correlation id and the order it is about) and, inside that, its caller's
	 * span, so that its log lines and SQL spans are not taken for the leader's; the
	 * leader's own context is back afterwards.
	 */
	private static <T> Supplier<T> inCallersLogContext(Supplier<T> work) {
		Map<String, String> callers = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> own = MDC.getCopyOfContextMap();
			logContext(callers);
			try {
				return work.get();
			}
			finally {
				logContext(own);
			}
		};
	}

	private static void logContext(Map<String, String> context) {
		if (context == null) {
			MDC.clear();
		}
		else {
			MDC.setContextMap(context);
		}
	}

	/**
	 * How many callers wait for the next batch.
	 */
	int waiting() {
		this.lock.lock();
		try {
			return this.waiting.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Runs the waiting work (the leader's own comes first), then hands the lead to the
	 * first caller still waiting, if any: a leader never runs other callers' work after
	 * its own has committed.
	 */
	private void leadOneBatch() {
		List<Task<?>> batch;
		this.lock.lock();
		try {
			int size = Math.min(this.maxBatch, this.waiting.size());
			batch = new ArrayList<>(this.waiting.subList(0, size));
			this.waiting.subList(0, size).clear();
		}
		finally {
			this.lock.unlock();
		}
		try {
			run(batch);
		}
		catch (RuntimeException | Error ex) {
			batch.forEach((task) -> task.fail(ex));
		}
		finally {
			this.lock.lock();
			try {
				if (this.waiting.isEmpty()) {
					this.leading = false;
				}
				else {
					this.waiting.get(0).lead();
				}
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private void run(List<Task<?>> batch) {
		int done = 0;
		boolean again = false;
		while (done < batch.size()) {
			List<Task<?>> rest = batch.subList(done, batch.size());
			Failure failure = runTogether(rest);
			if (failure == null) {
				return;
			}
			int failed = failure.index();
			if (failed < 0 && !again && ConflictRetry.isConflict(failure.cause())) {
				// another writer moved a stream on, found as the batch's events were
				// written at commit: the batch once more as a whole, loading afresh
				again = true;
				continue;
			}
			if (failed < 0) {
				rest.forEach(this::runAlone);
				return;
			}
			List<Task<?>> before = rest.subList(0, failed);
			if (!before.isEmpty() && runTogether(before) != null) {
				before.forEach(this::runAlone);
			}
			runAlone(rest.get(failed));
			done += failed + 1;
		}
	}

	/**
	 * Runs the tasks in one transaction and, once it has committed, completes them.
	 * @return {@code null} when it committed, else what failed and where
	 */
	private Failure runTogether(List<Task<?>> tasks) {
		Object[] results = new Object[tasks.size()];
		int[] current = { -1 };
		try {
			this.transactions.executeWithoutResult((status) -> {
				for (int i = 0; i < tasks.size(); i++) {
					current[0] = i;
					results[i] = tasks.get(i).work().get();
				}
				current[0] = -1;
			});
		}
		catch (RuntimeException ex) {
			return new Failure(current[0], ex);
		}
		this.sizes.record(tasks.size());
		for (int i = 0; i < tasks.size(); i++) {
			complete(tasks.get(i), results[i]);
		}
		return null;
	}

	/**
	 * @param index the failing task's index in the tasks run, -1 when the failure belongs
	 * to none (the commit failed)
	 */
	private record Failure(int index, RuntimeException cause) {

	}

	private void runAlone(Task<?> task) {
		try {
			Object result = this.transactions.execute((status) -> task.work().get());
			this.sizes.record(1);
			complete(task, result);
		}
		catch (RuntimeException ex) {
			task.fail(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void complete(Task<T> task, Object result) {
		task.result().complete((T) result);
	}

	/**
	 * A caller's unit of work: its {@code result}, or its turn to lead.
	 */
	private record Task<T>(Supplier<T> work, CompletableFuture<T> result, CompletableFuture<Void> turn) {

		Task(Supplier<T> work) {
			this(work, new CompletableFuture<>(), new CompletableFuture<>());
		}

		void fail(Throwable failure) {
			this.result.completeExceptionally(failure);
		}

		void lead() {
			this.turn.complete(null);
		}

		void awaitOutcomeOrLead() {
			CompletableFuture.anyOf(this.result, this.turn).handle((ignored, failure) -> null).join();
		}

		T outcome() {
			try {
				return this.result.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a commit", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

	}

}
