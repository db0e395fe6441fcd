package com.example.shop.order.query.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.MongoException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * The projections by name, and the way records reach them: a poll's records are decoded
 * and their writes applied together to the collection that serves the projection now (the
 * catalog says which) by {@link ViewWriter}, a few bulk writes instead of a round trip
 * per event; then the progress is recorded. A collection gets its view's indexes before
 * its first event from this instance; creating an index that exists is a no-op.
 */
@Component
public class Projections {

	private final Map<String, Projection> byName;

	private final EventDecoder decoder;

	private final ProjectionCatalog catalog;

	private final ProjectionMonitor monitor;

	private final ViewWriter writer;

	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	Projections(List<Projection> projections, EventDecoder decoder, ProjectionCatalog catalog,
			ProjectionMonitor monitor, ViewWriter writer) {
		this.byName = projections.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
		this.decoder = decoder;
		this.catalog = catalog;
		this.monitor = monitor;
		this.writer = writer;
	}

	/**
	 * Applies a poll's records, in order, to the named projection's serving collection.
	 * @throws RecordNotAppliedException for the first record that could not be applied;
	 * every record before it is
	 */
	public void apply(String projection, List<ConsumerRecord<String, byte[]>> records) {
		Projection target = get(projection);
		String collection = this.catalog.activeCollection(projection);
		if (!this.indexed.contains(collection)) {
			target.createIndexes(collection);
			this.indexed.add(collection);
		}
		List<ViewWrite> writes = new ArrayList<>(records.size());
		List<Integer> sources = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			ViewWrite write;
			try {
				write = target.write(this.decoder.decode(records.get(i)));
			}
			catch (RuntimeException ex) {
				applyOrLocate(projection, collection, records.subList(0, i), writes, sources);
				throw new RecordNotAppliedException(i, ex);
			}
			if (write != null) {
				writes.add(write);
				sources.add(i);
			}
		}
		applyOrLocate(projection, collection, records, writes, sources);
	}

	/**
	 * Applies the writes in bulk; if that fails, one at a time to find the record whose
	 * write fails (the error handler retries it and, if it keeps failing, dead-letters
	 * it). Applying a write twice is harmless.
	 */
	private void applyOrLocate(String projection, String collection, List<ConsumerRecord<String, byte[]>> records,
			List<ViewWrite> writes, List<Integer> sources) {
		try {
			this.writer.write(collection, writes);
		}
		catch (MongoException bulkFailure) {
			for (int w = 0; w < writes.size(); w++) {
				try {
					this.writer.write(collection, List.of(writes.get(w)));
				}
				catch (MongoException ex) {
					int failed = sources.get(w);
					records.subList(0, failed).forEach((record) -> this.monitor.applied(projection, record));
					throw new RecordNotAppliedException(failed, ex);
				}
			}
		}
		records.forEach((record) -> this.monitor.applied(projection, record));
	}

	/**
	 * Applies records to a collection that does not serve yet, skipping (and returning)
	 * those that can never be applied.
	 * @return how many records the projection used
	 */
	int applyTo(Projection projection, String collection, List<ConsumerRecord<String, byte[]>> records,
			Skipped skipped) {
		List<ViewWrite> writes = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				ViewWrite write = projection.write(this.decoder.decode(record));
				if (write != null) {
					writes.add(write);
				}
			}
			catch (RuntimeException ex) {
				skipped.skip(record, ex);
			}
		}
		this.writer.write(collection, writes);
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

		void skip(ConsumerRecord<String, byte[]> record, RuntimeException reason);

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
