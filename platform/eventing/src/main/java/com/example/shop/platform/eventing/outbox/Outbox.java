package com.example.shop.platform.eventing.outbox;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes messages to the {@code outbox_message} table in the caller's transaction: they
 * are published if and only if the change they announce commits.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	public Outbox(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
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
		this.jdbc.batchUpdate("""
				INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, headers)
				VALUES (?, ?, ?, ?, ?, ?::jsonb)""",
				messages.stream()
					.map((message) -> new Object[] { message.messageId(), message.topic(), message.key(),
							message.type(), message.payload(), this.json.writeValueAsString(message.headers()) })
					.toList());
	}

}
