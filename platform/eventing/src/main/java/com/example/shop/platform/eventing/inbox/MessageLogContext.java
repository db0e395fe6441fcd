package com.example.shop.platform.eventing.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.example.shop.platform.eventing.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * What a consumed message is about, in the logging context (SLF4J's MDC) while its effect
 * runs, so that every line logged meanwhile carries it (what the keys held before is back
 * afterwards), and JSON logs ({@code logging.structured.format.console=ecs}) have it as
 * fields: {@code correlation_id}, {@code message_id}, {@code message_type} and
 * {@code order_id} (the record's key: every message of the published language is keyed by
 * its order id). The names are those a request's log lines use ({@code platform/web}'s
 * {@code RequestLogContext}).
 */
final class MessageLogContext implements AutoCloseable {

	static final String CORRELATION_ID = "correlation_id";

	static final String MESSAGE_ID = "message_id";

	static final String MESSAGE_TYPE = "message_type";

	static final String ORDER_ID = "order_id";

	private static final List<String> KEYS = List.of(CORRELATION_ID, MESSAGE_ID, MESSAGE_TYPE, ORDER_ID);

	/** What the keys held before, restored on close. */
	private final Map<String, String> before = new HashMap<>();

	private MessageLogContext(ConsumerRecord<String, ?> record) {
		KEYS.forEach((key) -> this.before.put(key, MDC.get(key)));
		put(CORRELATION_ID, CloudEventHeaders.get(record, CloudEventHeaders.CORRELATION_ID));
		put(MESSAGE_ID, CloudEventHeaders.get(record, CloudEventHeaders.ID));
		put(MESSAGE_TYPE, CloudEventHeaders.get(record, CloudEventHeaders.TYPE));
		put(ORDER_ID, record.key());
	}

	/**
	 * Puts the record's context until {@link #close()}.
	 */
	static MessageLogContext of(ConsumerRecord<String, ?> record) {
		return new MessageLogContext(record);
	}

	@Override
	public void close() {
		this.before.forEach((key, value) -> {
			if (value != null) {
				MDC.put(key, value);
			}
			else {
				MDC.remove(key);
			}
		});
	}

	private static void put(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
	}

}
