package com.example.shop.platform.eventing.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Disposition;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decisions in PostgreSQL, table {@code dead_letter_disposition}. A claim is one
 * {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}: of two at once, the second waits
 * for the first and finds the row taken; with no time to take over before, the
 * {@code WHERE} compares with {@code NULL} and never holds. Completing and withdrawing
 * match the claim's holder and time, so neither touches a claim another took over.
 */
public class JdbcDispositions implements Dispositions {

	private final JdbcTemplate jdbc;

	public JdbcDispositions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean claim(Position position, Disposition disposition, @Nullable Instant takeOverBefore) {
		return this.jdbc.update(
				"""
						INSERT INTO dead_letter_disposition (dead_letter_topic, dead_letter_partition, dead_letter_offset,
						                                     action, decided_by, reason, decided_at, completed)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (dead_letter_topic, dead_letter_partition, dead_letter_offset) DO UPDATE
						SET action = EXCLUDED.action, decided_by = EXCLUDED.decided_by, reason = EXCLUDED.reason,
						    decided_at = EXCLUDED.decided_at, completed = EXCLUDED.completed
						WHERE NOT dead_letter_disposition.completed AND dead_letter_disposition.decided_at < CAST(? AS timestamptz)
						""",
				position.deadLetterTopic(), position.partition(), position.offset(), disposition.action().name(),
				disposition.by(), disposition.reason(), Timestamp.from(disposition.at()), disposition.completed(),
				(takeOverBefore != null) ? Timestamp.from(takeOverBefore) : null) == 1;
	}

	@Override
	public boolean complete(Position position, Disposition claim) {
		return this.jdbc.update("""
				UPDATE dead_letter_disposition SET completed = true
				WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset = ?
				  AND decided_by = ? AND decided_at = ? AND NOT completed
				""", position.deadLetterTopic(), position.partition(), position.offset(), claim.by(),
				Timestamp.from(claim.at())) == 1;
	}

	@Override
	public void release(Position position, Disposition claim) {
		this.jdbc.update("""
				DELETE FROM dead_letter_disposition
				WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset = ?
				  AND decided_by = ? AND decided_at = ? AND NOT completed
				""", position.deadLetterTopic(), position.partition(), position.offset(), claim.by(),
				Timestamp.from(claim.at()));
	}

	@Override
	public void forgetBefore(String deadLetterTopic, int partition, long offset) {
		this.jdbc.update("""
				DELETE FROM dead_letter_disposition
				WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset < ?
				""", deadLetterTopic, partition, offset);
	}

	@Override
	public Map<Long, Disposition> find(String deadLetterTopic, int partition, Collection<Long> offsets) {
		Map<Long, Disposition> found = new HashMap<>();
		if (offsets.isEmpty()) {
			return found;
		}
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("""
					SELECT dead_letter_offset, action, decided_by, reason, decided_at, completed
					FROM dead_letter_disposition
					WHERE dead_letter_topic = ? AND dead_letter_partition = ? AND dead_letter_offset = ANY (?)
					""");
			statement.setString(1, deadLetterTopic);
			statement.setInt(2, partition);
			statement.setArray(3, connection.createArrayOf("bigint", offsets.toArray()));
			return statement;
		}, (ResultSet row) -> {
			found.put(row.getLong("dead_letter_offset"), disposition(row));
		});
		return found;
	}

	private static Disposition disposition(ResultSet row) throws SQLException {
		return new Disposition(Action.valueOf(row.getString("action")), row.getString("decided_by"),
				row.getTimestamp("decided_at").toInstant(), row.getString("reason"), row.getBoolean("completed"));
	}

}
