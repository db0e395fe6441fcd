package com.example.shop.platform.eventing.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Appends events to streams and reads them back, on the {@code event_store} table.
 * <p>
 * An append joins the caller's transaction, so that events appended to several streams,
 * snapshots and outbox rows written in one transaction commit or roll back together.
 * Reading all events leaves out the events of every transaction at or after the oldest
 * one still in flight; see {@link #readAll} for what that does and does not guarantee.
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
			.description("Time to append events to one stream")
			.publishPercentileHistogram()
			.register(meters);
		this.conflicts = Counter.builder("eventstore.conflicts")
			.description("Appends rejected because the stream had moved past the expected version")
			.register(meters);
	}

	/**
	 * Appends events to a stream that must be exactly at {@code expectedVersion} (0 for a
	 * new stream).
	 * @return the stream's new version
	 * @throws OptimisticConcurrencyException when the stream is at another version, or
	 * another writer appends the same version first
	 */
	public long append(String streamId, long expectedVersion, List<NewEvent> events) {
		if (events.isEmpty()) {
			return expectedVersion;
		}
		return this.appendTimer.record(() -> {
			int count = events.size();
			Long[] versions = new Long[count];
			UUID[] ids = new UUID[count];
			String[] types = new String[count];
			String[] data = new String[count];
			String[] metadata = new String[count];
			Map<Object, String> metadataJson = new HashMap<>();
			for (int i = 0; i < count; i++) {
				NewEvent event = events.get(i);
				versions[i] = expectedVersion + i + 1;
				ids[i] = event.eventId();
				types[i] = event.type();
				data[i] = event.data();
				metadata[i] = metadataJson.computeIfAbsent(List.of(event.metadata(), event.schemaVersion()),
						(key) -> metadataJson(event.metadata(), event.schemaVersion()));
			}
			int inserted;
			try {
				// one round trip: the version check and all rows in one statement
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
				throw new OptimisticConcurrencyException(streamId, expectedVersion, expectedVersion + 1);
			}
			if (inserted != count) {
				this.conflicts.increment();
				throw new OptimisticConcurrencyException(streamId, expectedVersion, currentVersion(streamId));
			}
			return expectedVersion + count;
		});
	}

	/**
	 * The stream's version: the version of its last event, 0 when it has none.
	 */
	public long currentVersion(String streamId) {
		Long version = this.jdbc.queryForObject("SELECT max(version) FROM event_store WHERE stream_id = ?", Long.class,
				streamId);
		return (version != null) ? version : 0;
	}

	/**
	 * Hands the stream's events from {@code fromVersion} on to {@code consumer}, in
	 * version order, without holding the whole stream in memory.
	 */
	public void readStream(String streamId, long fromVersion, Consumer<RecordedEvent> consumer) {
		this.jdbc.query("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = ? AND version >= ? ORDER BY version",
				(ResultSet rs) -> {
					consumer.accept(map(rs, 0));
				}, streamId, fromVersion);
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

}
