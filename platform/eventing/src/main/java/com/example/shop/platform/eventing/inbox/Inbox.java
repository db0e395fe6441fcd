package com.example.shop.platform.eventing.inbox;

import java.util.function.Consumer;

import com.example.shop.platform.eventing.CloudEventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs a consumer's effect at most once per message id. In one transaction it records the
 * id (the CloudEvents {@code ce_id} header) for the consumer and, unless the id was there
 * already, runs the effect; only after the commit is the record acknowledged. A
 * redelivered record is acknowledged without effect and counted in
 * {@code inbox.duplicates}. Failures propagate to the listener container's error handler,
 * which retries and then dead-letters the record.
 */
public class Inbox {

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final Counter duplicates;

	public Inbox(JdbcTemplate jdbc, TransactionOperations transactions, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.duplicates = Counter.builder("inbox.duplicates")
			.description("Redelivered messages skipped because their effect was applied before")
			.register(meters);
	}

	/**
	 * Applies {@code effect} once for this record's message id and then acknowledges the
	 * record.
	 * @param consumer the name under which this consumer records what it processed
	 * @return whether the effect ran ({@code false} for a duplicate)
	 * @throws InvalidMessageException when the record has no message id
	 */
	public <V> boolean process(String consumer, ConsumerRecord<String, V> record, Acknowledgment acknowledgment,
			Consumer<ConsumerRecord<String, V>> effect) {
		String messageId = messageId(record);
		Boolean applied = this.transactions.execute((status) -> {
			int inserted = this.jdbc.update(
					"INSERT INTO inbox_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING", consumer,
					messageId);
			if (inserted == 0) {
				return false;
			}
			effect.accept(record);
			return true;
		});
		if (!Boolean.TRUE.equals(applied)) {
			this.duplicates.increment();
		}
		acknowledgment.acknowledge();
		return Boolean.TRUE.equals(applied);
	}

	private static String messageId(ConsumerRecord<String, ?> record) {
		String id = CloudEventHeaders.get(record, CloudEventHeaders.ID);
		if (id == null || id.isEmpty()) {
			throw new InvalidMessageException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no " + CloudEventHeaders.ID + " header");
		}
		return id;
	}

}
