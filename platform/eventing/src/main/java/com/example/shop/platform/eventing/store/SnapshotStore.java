package com.example.shop.platform.eventing.store;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the latest snapshot of each stream, on the {@code event_snapshot} table.
 */
public class SnapshotStore {

	private final JdbcTemplate jdbc;

	public SnapshotStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored snapshot.
	 *
	 * @param version the stream version the state includes
	 * @param schemaVersion the schema version of the state
	 * @param data the state as JSON
	 */
	public record Snapshot(long version, int schemaVersion, String data) {

	}

	public Optional<Snapshot> find(String streamId) {
		List<Snapshot> found = this.jdbc.query(
				"SELECT version, schema_version, data::text FROM event_snapshot WHERE stream_id = ?",
				(rs, row) -> new Snapshot(rs.getLong(1), rs.getInt(2), rs.getString(3)), streamId);
		return found.stream().findFirst();
	}

	/**
	 * Stores the snapshot unless a newer one is there already.
	 */
	public void save(String streamId, Snapshot snapshot) {
		this.jdbc.update("""
				INSERT INTO event_snapshot (stream_id, version, schema_version, data) VALUES (?, ?, ?, ?::jsonb)
				ON CONFLICT (stream_id) DO UPDATE
				SET version = excluded.version, schema_version = excluded.schema_version, data = excluded.data,
				    taken_at = now()
				WHERE event_snapshot.version < excluded.version""", streamId, snapshot.version(),
				snapshot.schemaVersion(), snapshot.data());
	}

}
