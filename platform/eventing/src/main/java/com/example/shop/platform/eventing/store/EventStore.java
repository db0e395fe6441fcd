package com.example.shop.platform.eventing.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.example.shop.platform.eventing.TransactionScoped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to streams and reads them back, on the {@code event_store} table.
 * <p>
 * An append joins the caller's transaction, so that events appended to several streams,
 * snapshots and outbox rows written in one transaction commit or roll back together; the
 * transaction writes all its events with one statement when it commits (see
 * {@link #append}). Reading all events leaves out the events of every transaction at or
 * after the oldest one still in flight; see {@link #readAll} for what that does and does
 * not guarantee.
 */
public class EventStore {

	private static final String COLUMNS = "position, stream_id, version, event_id, event_type, data::text, metadata::text, timestamp";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Timer appendTimer;

	private final Counter conflicts;

	private final RowMapper<RecordedEvent> rowMapper = this::map;

	public EventStore(JdbcTemplate jdbc, JsonMapper json, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
		this.appendTimer = Timer.builder("eventstore.append")
			.description("Time to write the events a transaction appended, to all its streams")
			.publishPercentileHistogram()
			.register(meters);
		this.conflicts = Counter.builder("eventstore.conflicts")
			.description("Appends rejected because the stream had moved past the expected version")
			.register(meters);
	}

	/**
	 * Appends events to a stream that must be exactly at {@code expectedVersion} (0 for a
	 * new stream).
	 * <p>
	 * In a transaction, the events are kept until it is about to commit, and the events
	 * the transaction appended to all its streams are then written with one statement,
	 * checking each stream's version: a transaction that applies a poll of commands, or a
	 * batch of HTTP commands, appends in one round trip. Until then {@link #readStream}
	 * and {@link #currentVersion} in the same transaction see them, so a second command
	 * to the same stream builds on the first. A stream that moved on fails the commit
	 * with {@link OptimisticConcurrencyException}, and the transaction rolls back.
	 * Outside a transaction on this store's database the events are written at once. A
	 * transaction started meanwhile ({@code REQUIRES_NEW}) keeps its own appends; a
	 * savepoint ({@code NESTED}) is not supported: rolling back to it would not take back
	 * the appends made after it.
	 * @return the stream's new version
	 * @throws OptimisticConcurrencyException when the stream is at another version, or
	 * another writer appends the same version first: at once outside a transaction, at
	 * the latest when the transaction commits
	 */
	public long append(String streamId, long expectedVersion, List<NewEvent> events) {
		if (events.isEmpty()) {
			return expectedVersion;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.hasResource(this.jdbc.getDataSource())) {
			Pending alone = new Pending(this);
			alone.add(streamId, expectedVersion, events);
			write(alone);
			return expectedVersion + events.size();
		}
		Pending pending = TransactionScoped.current(this, () -> new Pending(this));
		long pendingVersion = pending.version(streamId);
		if (pendingVersion >= 0 && pendingVersion != expectedVersion) {
			this.conflicts.increment();
			throw new OptimisticConcurrencyException(streamId, expectedVersion, pendingVersion);
		}
		pending.add(streamId, expectedVersion, events);
		return expectedVersion + events.size();
	}

	/**
	 * Writes the events of all streams a transaction appended to in one statement, each
	 * stream only if it is still at the version its first append expected.
	 */
	private void write(Pending pending) {
		this.appendTimer.record(() -> {
			List<Row> rows = pending.rows;
			int count = rows.size();
			Long[] versions = new Long[count];
			UUID[] ids = new UUID[count];
			String[] types = new String[count];
			String[] data = new String[count];
			String[] metadata = new String[count];
			Map<Object, String> metadataJson = new HashMap<>();
			for (int i = 0; i < count; i++) {
				NewEvent event = rows.get(i).event();
				versions[i] = rows.get(i).version();
				ids[i] = event.eventId();
				types[i] = event.type();
				data[i] = event.data();
				metadata[i] = metadataJson.computeIfAbsent(List.of(event.metadata(), event.schemaVersion()),
						(key) -> metadataJson(event.metadata(), event.schemaVersion()));
			}
			if (pending.streams.size() == 1) {
				writeOne(pending, versions, ids, types, data, metadata);
				return;
			}
			// several streams: each row names its stream and the version it expects
			String[] streams = new String[count];
			Long[] expected = new Long[count];
			for (int i = 0; i < count; i++) {
				streams[i] = rows.get(i).streamId();
				expected[i] = pending.streams.get(streams[i]).expectedVersion();
			}
			// one round trip: every stream's version check and all rows in one statement,
			// in the order they were appended; a row another writer took meanwhile is
			// left out and found below, instead of aborting the transaction
			List<String> inserted = this.jdbc.query((connection) -> {
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO event_store (stream_id, version, event_id, event_type, data, metadata)
						SELECT e.stream_id, e.version, e.event_id, e.event_type, e.data::jsonb, e.metadata::jsonb
						FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[])
						     WITH ORDINALITY AS e(stream_id, expected, version, event_id, event_type, data, metadata, n)
						WHERE coalesce((SELECT max(s.version) FROM event_store s WHERE s.stream_id = e.stream_id), 0)
						      = e.expected
						ORDER BY e.n
						ON CONFLICT (stream_id, version) DO NOTHING
						RETURNING stream_id""");
				insert.setArray(1, connection.createArrayOf("text", streams));
				insert.setArray(2, connection.createArrayOf("bigint", expected));
				insert.setArray(3, connection.createArrayOf("bigint", versions));
				insert.setArray(4, connection.createArrayOf("uuid", ids));
				insert.setArray(5, connection.createArrayOf("text", types));
				insert.setArray(6, connection.createArrayOf("text", data));
				insert.setArray(7, connection.createArrayOf("text", metadata));
				return insert;
			}, (rs, row) -> rs.getString(1));
			if (inserted.size() != count) {
				this.conflicts.increment();
				throw conflict(pending, inserted);
			}
		});
	}

	/**
	 * The common case, one stream, with a statement that PostgreSQL runs measurably
	 * faster: the stream's version is checked once, not per row.
	 */
	private void writeOne(Pending pending, Long[] versions, UUID[] ids, String[] types, String[] data,
			String[] metadata) {
		String streamId = pending.streams.keySet().iterator().next();
		long expectedVersion = pending.streams.get(streamId).expectedVersion();
		int inserted;
		try {
			inserted = this.jdbc.update((connection) -> {
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO event_store (stream_id, version, event_id, event_type, data, metadata)
						SELECT ?, e.version, e.event_id, e.event_type, e.data::jsonb, e.metadata::jsonb
						FROM unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[])
						     AS e(version, event_id, event_type, data, metadata)
						WHERE coalesce((SELECT max(version) FROM event_store WHERE stream_id = ?), 0) = ?""");
				insert.setString(1, streamId);
				insert.setArray(2, connection.createArrayOf("bigint", versions));
				insert.setArray(3, connection.createArrayOf("uuid", ids));
				insert.setArray(4, connection.createArrayOf("text", types));
				insert.setArray(5, connection.createArrayOf("text", data));
				insert.setArray(6, connection.createArrayOf("text", metadata));
				insert.setString(7, streamId);
				insert.setLong(8, expectedVersion);
				return insert;
			});
		}
		catch (DuplicateKeyException ex) {
			// a concurrent writer checked the same version and committed first
			this.conflicts.increment();
			throw new OptimisticConcurrencyException(streamId, expectedVersion);
		}
		if (inserted != versions.length) {
			this.conflicts.increment();
			throw new OptimisticConcurrencyException(streamId, expectedVersion, storedVersion(streamId));
		}
	}

	/**
	 * The first stream not written whole: another writer moved it on.
	 */
	private OptimisticConcurrencyException conflict(Pending pending, List<String> inserted) {
		Map<String, Integer> written = new HashMap<>();
		inserted.forEach((stream) -> written.merge(stream, 1, Integer::sum));
		for (Map.Entry<String, Appended> entry : pending.streams.entrySet()) {
			String streamId = entry.getKey();
			Appended appended = entry.getValue();
			int rows = written.getOrDefault(streamId, 0);
			if (rows != appended.events()) {
				// with none of its rows written, the stream's version is the other
				// writer's
				return (rows == 0)
						? new OptimisticConcurrencyException(streamId, appended.expectedVersion(),
								storedVersion(streamId))
						: new OptimisticConcurrencyException(streamId, appended.expectedVersion());
			}
		}
		throw new IllegalStateException("Rows of an append went missing with no stream behind");
	}

	/**
	 * The stream's version: the version of its last event, 0 when it has none; with the
	 * events the current transaction has appended to it.
	 */
	public long currentVersion(String streamId) {
		Pending pending = TransactionScoped.find(this);
		long pendingVersion = (pending != null) ? pending.version(streamId) : -1;
		if (pendingVersion >= 0) {
			return pendingVersion;
		}
		return storedVersion(streamId);
	}

	private long storedVersion(String streamId) {
		Long version = this.jdbc.queryForObject("SELECT max(version) FROM event_store WHERE stream_id = ?", Long.class,
				streamId);
		return (version != null) ? version : 0;
	}

	/**
	 * Hands the stream's events from {@code fromVersion} on to {@code consumer}, in
	 * version order, without holding the whole stream in memory; in a transaction, the
	 * events it appended but has not written yet come last, with no position (0).
	 */
	public void readStream(String streamId, long fromVersion, Consumer<RecordedEvent> consumer) {
		Pending pending = TransactionScoped.find(this);
		this.jdbc.query("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = ? AND version >= ? ORDER BY version",
				(ResultSet rs) -> {
					RecordedEvent event = map(rs, 0);
					checkNotMovedOn(pending, event);
					consumer.accept(event);
				}, streamId, fromVersion);
		if (pending != null) {
			pending.read(streamId, fromVersion, consumer);
		}
	}

	/**
	 * Hands the events of several streams, each from its own version on, to
	 * {@code consumer} with one query: for a unit of work that is about to read them all.
	 * Each stream's events come in version order, as
	 * {@link #readStream(String, long, Consumer)} gives them, the events this transaction
	 * appended to it last; the streams may interleave.
	 * @param fromVersions the version to read each stream from, by stream id
	 */
	public void readStreams(Map<String, Long> fromVersions, Consumer<RecordedEvent> consumer) {
		if (fromVersions.isEmpty()) {
			return;
		}
		Pending pending = TransactionScoped.find(this);
		String[] streams = fromVersions.keySet().toArray(String[]::new);
		Long[] versions = new Long[streams.length];
		for (int i = 0; i < streams.length; i++) {
			versions[i] = fromVersions.get(streams[i]);
		}
		// one lateral subquery per stream, ordered by version: an index range scan each.
		// Measured (docs/benchmarks.md): a plain join to unnest(), the same subquery
		// without its ORDER BY, or one ORDER BY over the whole result ran at 0.07x, as
		// plans that read far more of the table. The streams come back in any order.
		List<RecordedEvent> events = this.jdbc.query((connection) -> {
			var select = connection.prepareStatement("SELECT stream.* FROM unnest(?::text[], ?::bigint[]) AS "
					+ "wanted(id, from_version), LATERAL (SELECT " + COLUMNS + " FROM event_store "
					+ "WHERE stream_id = wanted.id AND version >= wanted.from_version ORDER BY version) AS stream");
			select.setArray(1, connection.createArrayOf("text", streams));
			select.setArray(2, connection.createArrayOf("bigint", versions));
			return select;
		}, this.rowMapper);
		events.sort(Comparator.comparing(RecordedEvent::streamId).thenComparingLong(RecordedEvent::version));
		for (RecordedEvent event : events) {
			checkNotMovedOn(pending, event);
			consumer.accept(event);
		}
		if (pending != null) {
			fromVersions.forEach((streamId, fromVersion) -> pending.read(streamId, fromVersion, consumer));
		}
	}

	/**
	 * Fails when a stored event is newer than the version this transaction's first append
	 * to its stream expected: another writer moved the stream on since.
	 */
	private void checkNotMovedOn(Pending pending, RecordedEvent event) {
		long before = (pending != null) ? pending.expectedVersion(event.streamId()) : -1;
		if (before >= 0 && event.version() > before) {
			this.conflicts.increment();
			throw new OptimisticConcurrencyException(event.streamId(), before, event.version());
		}
	}

	public List<RecordedEvent> readStream(String streamId, long fromVersion) {
		List<RecordedEvent> events = new ArrayList<>();
		readStream(streamId, fromVersion, events::add);
		return events;
	}

	/**
	 * The stream's events that had been appended at {@code asOf}: the stream as it was
	 * then.
	 */
	public List<RecordedEvent> readStreamAsOf(String streamId, Instant asOf) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM event_store WHERE stream_id = ? AND timestamp <= ? ORDER BY version",
				this.rowMapper, streamId, Timestamp.from(asOf));
	}

	/**
	 * Up to {@code limit} events of all streams after {@code afterPosition}, in global
	 * order, leaving out the events of every transaction at or after the oldest one still
	 * in flight. A reader that continues from the last position it saw does not miss an
	 * event whose transaction is younger than the ones it has read, which is the common
	 * case of a late commit. It can miss one in this case: a transaction that took its id
	 * early (with an earlier write) appends after a younger transaction took a smaller
	 * position, and commits while that one is still open; the reader moves past the
	 * smaller position before it commits. No service reads the store this way today; a
	 * reader that must not miss anything also tracks the transaction ids (see ADR 7).
	 */
	public List<RecordedEvent> readAll(long afterPosition, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + """
				 FROM event_store
				WHERE position > ? AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
				ORDER BY position LIMIT ?""", this.rowMapper, afterPosition, limit);
	}

	private String metadataJson(EventMetadata metadata, int schemaVersion) {
		var node = this.json.createObjectNode();
		node.put("correlationId", metadata.correlationId());
		node.put("causationId", metadata.causationId());
		node.put("principal", metadata.principal());
		node.put("traceparent", metadata.traceparent());
		node.put("schemaVersion", schemaVersion);
		return this.json.writeValueAsString(node);
	}

	private RecordedEvent map(ResultSet rs, int row) throws SQLException {
		var metadata = this.json.readTree(rs.getString(7));
		return new RecordedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class),
				rs.getString(5), metadata.path("schemaVersion").asInt(1), rs.getString(6),
				new EventMetadata(text(metadata, "correlationId"), text(metadata, "causationId"),
						text(metadata, "principal"), text(metadata, "traceparent")),
				rs.getTimestamp(8).toInstant());
	}

	private static String text(tools.jackson.databind.JsonNode node, String field) {
		var value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * A stream's share of a transaction's appends.
	 *
	 * @param expectedVersion the version its first append expected
	 * @param events how many events the transaction appended to it
	 */
	private record Appended(long expectedVersion, int events) {

	}

	private record Row(String streamId, long version, NewEvent event) {

	}

	/**
	 * The events one transaction has appended so far, written just before it commits.
	 */
	private static final class Pending extends TransactionScoped {

		private final EventStore store;

		private final Map<String, Appended> streams = new LinkedHashMap<>();

		private final List<Row> rows = new ArrayList<>();

		private final Instant started = Instant.now();

		Pending(EventStore store) {
			super(store);
			this.store = store;
		}

		private boolean written;

		/**
		 * The version the stream's first append expected, -1 for none.
		 */
		long expectedVersion(String streamId) {
			Appended appended = this.streams.get(streamId);
			return (appended != null) ? appended.expectedVersion() : -1;
		}

		/**
		 * The stream's version with the events appended to it, -1 for none.
		 */
		long version(String streamId) {
			Appended appended = this.streams.get(streamId);
			return (appended != null) ? appended.expectedVersion() + appended.events() : -1;
		}

		void add(String streamId, long expectedVersion, List<NewEvent> events) {
			if (this.written) {
				throw new IllegalStateException("Events appended to " + streamId
						+ " after the transaction wrote its events: append before it commits");
			}
			Appended before = this.streams.get(streamId);
			this.streams.put(streamId,
					(before != null) ? new Appended(before.expectedVersion(), before.events() + events.size())
							: new Appended(expectedVersion, events.size()));
			long version = expectedVersion;
			for (NewEvent event : events) {
				this.rows.add(new Row(streamId, ++version, event));
			}
		}

		void read(String streamId, long fromVersion, Consumer<RecordedEvent> consumer) {
			if (!this.streams.containsKey(streamId)) {
				return;
			}
			for (Row row : this.rows) {
				if (row.streamId().equals(streamId) && row.version() >= fromVersion) {
					NewEvent event = row.event();
					consumer.accept(new RecordedEvent(0, streamId, row.version(), event.eventId(), event.type(),
							event.schemaVersion(), event.data(), event.metadata(), this.started));
				}
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = true;
			this.store.write(this);
		}

	}

}
