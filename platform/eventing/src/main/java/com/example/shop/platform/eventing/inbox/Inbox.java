package com.example.shop.platform.eventing.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.platform.eventing.store.ConflictRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs a consumer's effect at most once per message id, a whole poll of records in one
 * transaction.
 * <p>
 * <b>The fast path.</b> For the records of one poll it records their message ids (the
 * CloudEvents {@code ce_id} header) for the consumer with one multi-row insert, then runs
 * the effect of every record whose id was new, in offset order, and commits once; only
 * then is the poll acknowledged (one offset commit). The effects join that transaction,
 * so a later record of the poll sees what an earlier one wrote (two commands to one
 * stream apply one after the other) and everything the poll changed, its outbox rows
 * included, commits or rolls back together. A record whose id the inbox has, or that
 * repeats an earlier record of the same poll, is skipped and counted in
 * {@code inbox.duplicates}. Each record's effect runs in a span of its own, a child of
 * the span that sent it ({@link MessageTracing}), so the poll's records stay in the
 * traces they came from.
 * <p>
 * <b>A poll's reads in one go.</b> A {@link PollHandler} decodes each fresh record once
 * and, before any is applied, {@link PollHandler#prepare prepares} for all of them in the
 * poll's transaction: it loads the aggregates, or locks the sagas, that they touch with
 * one query, so that applying each record then reads nothing.
 * <p>
 * <b>When a record fails.</b> The transaction rolls back whole, so nothing of the poll is
 * stored. The records before the failing one are then applied again in a transaction of
 * their own. The failing record itself:
 * <ul>
 * <li>lost a race with a concurrent writer ({@link ConflictRetry#isConflict}): it runs
 * again alone, in a transaction of its own, as often as the {@link ConflictRetry} allows,
 * and the rest of the poll goes on after it;</li>
 * <li>failed otherwise, or kept conflicting: it is reported by its index in the poll
 * ({@link BatchListenerFailedException}), so that the listener container's error handler
 * commits the offsets before it and redelivers it, then dead-letters exactly that record,
 * while the records after it come again in the next poll.</li>
 * </ul>
 * A failure that belongs to no record (the commit itself failed) runs the poll record by
 * record, each in a transaction of its own, which finds the record to blame if there is
 * one; when it is a conflict (the event store checks the versions of the poll's streams
 * when it writes their events, at commit), the poll first runs once more as a whole.
 * Per-key order holds throughout: records are applied in offset order, and nothing after
 * a failed record is applied before it.
 */
public class Inbox {

	private static final Logger logger = LoggerFactory.getLogger(Inbox.class);

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final ConflictRetry retry;

	private final MessageTracing tracing;

	private final Counter duplicates;

	private final DistributionSummary batchSize;

	private final Counter fallbacks;

	public Inbox(JdbcTemplate jdbc, TransactionOperations transactions, ConflictRetry retry, MeterRegistry meters,
			MessageTracing tracing) {
		this.jdbc = jdbc;
		this.tracing = tracing;
		this.transactions = transactions;
		this.retry = retry;
		this.duplicates = Counter.builder("inbox.duplicates")
			.description("Redelivered messages skipped because their effect was applied before")
			.register(meters);
		this.batchSize = DistributionSummary.builder("inbox.batch.size")
			.description("Records applied in one inbox transaction")
			.register(meters);
		this.fallbacks = Counter.builder("inbox.batch.fallbacks")
			.description("Polls whose transaction failed and were split around the failing record")
			.register(meters);
	}

	/**
	 * Applies {@code effect} once per message id to the records of one poll, in one
	 * transaction, then acknowledges the poll: for a consumer with nothing to decode or
	 * prepare beforehand.
	 * @param consumer the name under which this consumer records what it processed
	 * @param records one poll, in offset order per partition
	 * @param effect what a record does; it joins the inbox's transaction
	 * @throws BatchListenerFailedException naming the record that failed; the records
	 * before it are applied
	 */
	public <V> void process(String consumer, List<ConsumerRecord<String, V>> records, Acknowledgment acknowledgment,
			Consumer<ConsumerRecord<String, V>> effect) {
		process(consumer, records, acknowledgment, new PollHandler<V, ConsumerRecord<String, V>>() {

			@Override
			public ConsumerRecord<String, V> decode(ConsumerRecord<String, V> record) {
				return record;
			}

			@Override
			public void apply(ConsumerRecord<String, V> record, ConsumerRecord<String, V> same) {
				effect.accept(record);
			}

		});
	}

	/**
	 * Decodes each fresh record of one poll, prepares for them all and applies each, once
	 * per message id and in one transaction, then acknowledges the poll.
	 * @param consumer the name under which this consumer records what it processed
	 * @param records one poll, in offset order per partition
	 * @param handler what the records do; it joins the inbox's transaction
	 * @throws BatchListenerFailedException naming the record that failed; the records
	 * before it are applied
	 */
	public <V, T> void process(String consumer, List<ConsumerRecord<String, V>> records, Acknowledgment acknowledgment,
			PollHandler<V, T> handler) {
		int done = 0;
		boolean again = false;
		while (done < records.size()) {
			List<ConsumerRecord<String, V>> rest = records.subList(done, records.size());
			Failure failure = applyAll(consumer, rest, handler);
			if (failure == null) {
				break;
			}
			if (failure.index() < 0 && !again && ConflictRetry.isConflict(failure.cause())) {
				// another writer moved a stream on, found as the poll's events were
				// written at commit: the poll once more as a whole, loading afresh
				again = true;
				continue;
			}
			this.fallbacks.increment();
			if (failure.index() < 0) {
				logger.debug("A poll of {} records failed as a whole, applying it record by record: {}", rest.size(),
						failure.cause().toString());
				for (int i = done; i < records.size(); i++) {
					applyAlone(consumer, records, i, handler);
				}
				break;
			}
			int failed = done + failure.index();
			applyBefore(consumer, records, done, failed, handler);
			if (!ConflictRetry.isConflict(failure.cause())) {
				throw failed(records, failed, failure.cause());
			}
			applyAlone(consumer, records, failed, handler);
			done = failed + 1;
		}
		acknowledgment.acknowledge();
	}

	/**
	 * Applies {@code records[from, to)} in one transaction, or record by record when that
	 * fails too.
	 */
	private <V, T> void applyBefore(String consumer, List<ConsumerRecord<String, V>> records, int from, int to,
			PollHandler<V, T> handler) {
		if (from == to) {
			return;
		}
		if (applyAll(consumer, records.subList(from, to), handler) != null) {
			for (int i = from; i < to; i++) {
				applyAlone(consumer, records, i, handler);
			}
		}
	}

	/**
	 * Applies one record in a transaction of its own, running it again on conflicts.
	 * @throws BatchListenerFailedException when it fails
	 */
	private <V, T> void applyAlone(String consumer, List<ConsumerRecord<String, V>> records, int index,
			PollHandler<V, T> handler) {
		try {
			this.retry.run(() -> {
				Failure failure = applyAll(consumer, records.subList(index, index + 1), handler);
				if (failure != null) {
					throw failure.cause();
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw failed(records, index, ex);
		}
	}

	/**
	 * Applies the records in one transaction.
	 * @return {@code null} when it committed, else what failed and where
	 */
	private <V, T> Failure applyAll(String consumer, List<ConsumerRecord<String, V>> records,
			PollHandler<V, T> handler) {
		List<String> ids = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				ids.add(messageId(records.get(i)));
			}
			catch (InvalidMessageException ex) {
				return new Failure(i, ex);
			}
		}
		int[] current = { -1 };
		int[] skipped = { 0 };
		try {
			this.transactions.executeWithoutResult((status) -> {
				Set<String> fresh = claim(consumer, ids);
				List<Integer> indexes = new ArrayList<>(fresh.size());
				List<T> decoded = new ArrayList<>(fresh.size());
				for (int i = 0; i < records.size(); i++) {
					if (fresh.remove(ids.get(i))) {
						current[0] = i;
						decoded.add(handler.decode(records.get(i)));
						indexes.add(i);
					}
					else {
						skipped[0]++;
					}
				}
				current[0] = -1;
				if (decoded.size() > 1) {
					handler.prepare(decoded);
				}
				for (int j = 0; j < indexes.size(); j++) {
					current[0] = indexes.get(j);
					apply(records.get(current[0]), decoded.get(j), handler);
				}
				current[0] = -1;
			});
		}
		catch (RuntimeException ex) {
			return new Failure(current[0], ex);
		}
		this.duplicates.increment(skipped[0]);
		this.batchSize.record(records.size());
		return null;
	}

	/**
	 * Runs a record's effect in its span (a child of the span that sent it) and with its
	 * logging context.
	 */
	private <V, T> void apply(ConsumerRecord<String, V> record, T decoded, PollHandler<V, T> handler) {
		Span span = this.tracing.startConsumer(record, "process");
		try (MessageLogContext context = MessageLogContext.of(record);
				Tracer.SpanInScope scope = this.tracing.inScope(span)) {
			handler.apply(record, decoded);
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Records the ids for the consumer in one statement.
	 * @return the ids it had not recorded before
	 */
	private Set<String> claim(String consumer, List<String> ids) {
		String[] distinct = new LinkedHashSet<>(ids).toArray(String[]::new);
		List<String> claimed = this.jdbc.query((connection) -> {
			var insert = connection.prepareStatement("""
					INSERT INTO inbox_message (consumer, message_id)
					SELECT ?, id FROM unnest(?::text[]) AS ids(id)
					ON CONFLICT DO NOTHING
					RETURNING message_id""");
			insert.setString(1, consumer);
			insert.setArray(2, connection.createArrayOf("text", distinct));
			return insert;
		}, (rs, row) -> rs.getString(1));
		return new HashSet<>(claimed);
	}

	private static BatchListenerFailedException failed(List<? extends ConsumerRecord<String, ?>> records, int index,
			RuntimeException cause) {
		ConsumerRecord<String, ?> record = records.get(index);
		return new BatchListenerFailedException("Record " + record.topic() + "-" + record.partition() + "@"
				+ record.offset() + " failed: " + cause.getMessage(), cause, index);
	}

	private static String messageId(ConsumerRecord<String, ?> record) {
		String id = CloudEventHeaders.get(record, CloudEventHeaders.ID);
		if (id == null || id.isEmpty()) {
			throw new InvalidMessageException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no " + CloudEventHeaders.ID + " header");
		}
		return id;
	}

	/**
	 * @param index the failing record's index in the records applied, -1 when the failure
	 * belongs to none (the commit failed)
	 */
	private record Failure(int index, RuntimeException cause) {

	}

}
