package com.example.shop.order.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.tracing.Span;

import org.springframework.stereotype.Component;

/**
 * The projections by name, and the way records reach them: a poll's records are decoded
 * and their writes handed together to the {@link ViewStore} for the collection that
 * serves the projection now (the catalog says which), a few bulk writes instead of a
 * round trip per event; then the progress is recorded. A collection gets its view's
 * indexes before its first event from this instance; creating an index that exists is a
 * no-op.
 */
@Component
public class Projections {

	private final Map<String, Projection> byName;

	/** The projections in a fixed order: the order in which a poll's writes go out. */
	private final List<Projection> ordered;

	private final ProjectionCatalog catalog;

	private final ProjectionMonitor monitor;

	private final ViewStore store;

	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	Projections(List<Projection> projections, ProjectionCatalog catalog, ProjectionMonitor monitor, ViewStore store) {
		this.byName = projections.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
		this.ordered = List.copyOf(projections);
		this.catalog = catalog;
		this.monitor = monitor;
		this.store = store;
	}

	/**
	 * Every topic some projection is built from: what the live listener subscribes to.
	 */
	public List<String> topics() {
		return this.ordered.stream().flatMap((projection) -> projection.topics().stream()).distinct().sorted().toList();
	}

	/**
	 * Applies a poll's records, in order, to every projection built from their topics,
	 * each in the collection that serves it now. Each record is decoded once for all of
	 * them.
	 * <p>
	 * When a projection's write of a record fails, the other projections still apply that
	 * record, and every projection applies the records before it; the exception names the
	 * record, which the error handler retries and, if it keeps failing, dead-letters.
	 * Applying a record again is harmless, so only the projection whose write failed
	 * misses it.
	 * @throws RecordNotAppliedException for the first record that could not be applied
	 */
	public void apply(List<TopicRecord> records) {
		List<Batch> batches;
		try {
			batches = this.ordered.stream().map(this::batch).toList();
		}
		catch (RuntimeException ex) {
			// the store unreachable: nothing is applied, the error handler retries from
			// the start
			throw new RecordNotAppliedException(0, ex);
		}
		int failedAt = records.size();
		RuntimeException failure = null;
		List<Span> spans = new ArrayList<>(records.size());
		try {
			for (int i = 0; i < records.size() && failure == null; i++) {
				TopicRecord record = records.get(i);
				spans.add(record.startSpan("project"));
				try {
					ReceivedEvent event = record.decode();
					List<ViewWrite> writes = new ArrayList<>(batches.size());
					for (Batch batch : batches) {
						writes.add(batch.uses(record) ? batch.projection.write(event) : null);
					}
					for (int b = 0; b < batches.size(); b++) {
						batches.get(b).add(writes.get(b), i);
					}
				}
				catch (RuntimeException ex) {
					// a record that cannot be decoded is applied nowhere
					failedAt = i;
					failure = ex;
				}
			}
			boolean writeFailed = false;
			for (Batch batch : batches) {
				try {
					// after a failed write, the record it came from too
					batch.writeBefore(writeFailed ? failedAt + 1 : failedAt);
				}
				catch (RecordNotAppliedException ex) {
					if (!writeFailed || ex.index() < failedAt) {
						failedAt = ex.index();
						failure = ex;
					}
					writeFailed = true;
				}
			}
		}
		finally {
			end(spans, failedAt, failure);
		}
		Instant now = Instant.now();
		for (TopicRecord record : records.subList(0, failedAt)) {
			Duration lag = ProjectionMonitor.lag(record, now);
			for (Batch batch : batches) {
				if (batch.uses(record)) {
					this.monitor.applied(batch.projection.name(), record, now, lag);
				}
			}
		}
		if (failure != null) {
			throw (failure instanceof RecordNotAppliedException notApplied) ? notApplied
					: new RecordNotAppliedException(failedAt, failure);
		}
	}

	/**
	 * Ends each record's span once the writes that apply it are done: in the trace of the
	 * change that caused the record, the span covers its projection's update. The record
	 * that failed carries the error; those after it say that they will come again.
	 */
	private static void end(List<Span> spans, int failedAt, RuntimeException failure) {
		for (int i = 0; i < spans.size(); i++) {
			if (failure != null && i == failedAt) {
				spans.get(i).error(failure);
			}
			else if (failure != null && i > failedAt) {
				spans.get(i).tag("projection.outcome", "redelivered: an earlier record of the poll failed");
			}
			spans.get(i).end();
		}
	}

	private Batch batch(Projection projection) {
		String collection = this.catalog.activeCollection(projection.name());
		if (!this.indexed.contains(collection)) {
			this.store.createIndexes(collection, projection.indexes());
			this.indexed.add(collection);
		}
		return new Batch(projection, collection);
	}

	/**
	 * One projection's writes for a poll, with the position in the poll of the record
	 * each came from.
	 */
	private final class Batch {

		private final Projection projection;

		private final String collection;

		private final Set<String> topics;

		private final List<ViewWrite> writes = new ArrayList<>();

		private final List<Integer> sources = new ArrayList<>();

		private Batch(Projection projection, String collection) {
			this.projection = projection;
			this.collection = collection;
			this.topics = Set.copyOf(projection.topics());
		}

		boolean uses(TopicRecord record) {
			return this.topics.contains(record.topic());
		}

		void add(ViewWrite write, int source) {
			if (write != null) {
				this.writes.add(write);
				this.sources.add(source);
			}
		}

		/**
		 * Applies the writes of the records before {@code end} in bulk; if that fails,
		 * one at a time to find the record whose write fails (the error handler retries
		 * it and, if it keeps failing, dead-letters it). Applying a write twice is
		 * harmless.
		 */
		void writeBefore(int end) {
			int count = (int) this.sources.stream().filter((source) -> source < end).count();
			List<ViewWrite> due = this.writes.subList(0, count);
			try {
				Projections.this.store.write(this.collection, due);
			}
			catch (RuntimeException bulkFailure) {
				// the store's errors, and its driver's when it cannot encode a value
				for (int w = 0; w < due.size(); w++) {
					try {
						Projections.this.store.write(this.collection, List.of(due.get(w)));
					}
					catch (RuntimeException ex) {
						throw new RecordNotAppliedException(this.sources.get(w), new IllegalStateException(
								this.projection.name() + " could not apply it: " + ex.getMessage(), ex));
					}
				}
			}
		}

	}

	/**
	 * Applies records to a collection that does not serve yet, handing those that can
	 * never be decoded to {@code skipped}.
	 * @return how many records the projection used
	 */
	int applyTo(Projection projection, String collection, List<TopicRecord> records, Skipped skipped) {
		List<ViewWrite> writes = new ArrayList<>(records.size());
		for (TopicRecord record : records) {
			try {
				ViewWrite write = projection.write(record.decode());
				if (write != null) {
					writes.add(write);
				}
			}
			catch (RuntimeException ex) {
				skipped.skip(record, ex);
			}
		}
		this.store.write(collection, writes);
		return writes.size();
	}

	Projection get(String projection) {
		Projection found = this.byName.get(projection);
		if (found == null) {
			throw new IllegalArgumentException("No projection named " + projection);
		}
		return found;
	}

	/**
	 * What becomes of a record that can never be applied.
	 */
	@FunctionalInterface
	interface Skipped {

		void skip(TopicRecord record, RuntimeException reason);

	}

	/**
	 * A record of a poll could not be applied: it can never be (unknown type, malformed)
	 * or its write failed. The records before it are applied.
	 */
	public static final class RecordNotAppliedException extends RuntimeException {

		private final int index;

		RecordNotAppliedException(int index, RuntimeException cause) {
			super(cause.getMessage(), cause);
			this.index = index;
		}

		/**
		 * The record's position in the poll.
		 */
		public int index() {
			return this.index;
		}

	}

}
