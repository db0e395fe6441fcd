package com.example.shop.platform.eventing.outbox;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.example.shop.platform.eventing.TransactionScoped;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes messages to the {@code outbox_message} table in the caller's transaction: they
 * are published if and only if the change they announce commits.
 * <p>
 * The messages a transaction adds are kept until it is about to commit and then written
 * with one statement, in the order they were added: a transaction that applies a poll of
 * commands, or a batch of HTTP commands, writes its outbox rows in one round trip. A
 * failure of that statement fails the commit, and the transaction rolls back. Once the
 * transaction has committed, the relay of this instance is woken.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Runnable committed;

	/**
	 * @param committed run after a transaction that wrote messages has committed
	 */
	public Outbox(JdbcTemplate jdbc, JsonMapper json, Runnable committed) {
		this.jdbc = jdbc;
		this.json = json;
		this.committed = committed;
	}

	/**
	 * What waits to be published.
	 *
	 * @param rows rows not yet published
	 * @param oldestAgeSeconds how long the oldest of them has waited; 0 for none
	 */
	public record Backlog(long rows, double oldestAgeSeconds) {

	}

	/** What waits to be published now. */
	public Backlog backlog() {
		return new Backlog(rows(this.jdbc), oldestAgeSeconds(this.jdbc));
	}

	/** Rows not yet published: the gauge {@code outbox.backlog}. */
	static long rows(JdbcTemplate jdbc) {
		Long rows = jdbc.queryForObject("SELECT count(*) FROM outbox_message", Long.class);
		return (rows != null) ? rows : 0;
	}

	/** How long the oldest row has waited: the gauge {@code outbox.oldest.age}. */
	static double oldestAgeSeconds(JdbcTemplate jdbc) {
		Double age = jdbc.queryForObject(
				"SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox_message",
				Double.class);
		return (age != null) ? age : 0;
	}

	/**
	 * Adds messages to those the current transaction writes when it commits.
	 * @throws IllegalStateException outside a transaction, where the messages could
	 * outlive a failed change
	 */
	public void add(List<OutboxMessage> messages) {
		if (messages.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Outbox messages must be written in the transaction of the change they announce");
		}
		Pending pending = TransactionScoped.current(this, () -> new Pending(this));
		pending.messages.addAll(messages);
	}

	private void write(List<OutboxMessage> messages) {
		int count = messages.size();
		UUID[] ids = new UUID[count];
		String[] topics = new String[count];
		String[] keys = new String[count];
		String[] types = new String[count];
		String[] payloads = new String[count];
		String[] headers = new String[count];
		for (int i = 0; i < count; i++) {
			OutboxMessage message = messages.get(i);
			ids[i] = message.messageId();
			topics[i] = message.topic();
			keys[i] = message.key();
			types[i] = message.type();
			payloads[i] = message.payload();
			headers[i] = this.json.writeValueAsString(message.headers());
		}
		// one statement for any number of rows; unnest keeps their order, and so their
		// ids
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, headers)
					SELECT m.id, m.topic, m.message_key, m.message_type, m.payload, m.headers::jsonb
					FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
					     AS m(id, topic, message_key, message_type, payload, headers, n)
					ORDER BY m.n""");
			insert.setArray(1, connection.createArrayOf("uuid", ids));
			insert.setArray(2, connection.createArrayOf("text", topics));
			insert.setArray(3, connection.createArrayOf("text", keys));
			insert.setArray(4, connection.createArrayOf("text", types));
			insert.setArray(5, connection.createArrayOf("text", payloads));
			insert.setArray(6, connection.createArrayOf("text", headers));
			return insert;
		});
	}

	/**
	 * The messages one transaction has added so far.
	 */
	private static final class Pending extends TransactionScoped {

		private final Outbox outbox;

		private final List<OutboxMessage> messages = new ArrayList<>();

		Pending(Outbox outbox) {
			super(outbox);
			this.outbox = outbox;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.outbox.write(this.messages);
		}

		@Override
		public void afterCommit() {
			this.outbox.committed.run();
		}

	}

}
