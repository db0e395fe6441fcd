package com.example.shop.platform.eventing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The Kafka headers every message carries: the CloudEvents attributes of the Kafka
 * protocol binding (binary mode), the {@code sequence} extension with the event's version
 * in its stream, and the correlation, causation and W3C trace context of the change that
 * caused it. Producers set them through the outbox; consumers read them here.
 */
public final class CloudEventHeaders {

	/** Unique per message; consumers deduplicate on it. */
	public static final String ID = "ce_id";

	/** The logical message type, e.g. {@code OrderPlaced}. */
	public static final String TYPE = "ce_type";

	/** The service that sent it. */
	public static final String SOURCE = "ce_source";

	/** The record key: the aggregate or the order it is about. */
	public static final String SUBJECT = "ce_subject";

	/** When the message was written, ISO 8601. */
	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	/**
	 * The schema the payload follows, with its version, e.g.
	 * {@code urn:shop:message:OrderPlaced:v1}.
	 */
	public static final String DATA_SCHEMA = "ce_dataschema";

	/** The event's version in its stream, for consumers that apply events by version. */
	public static final String SEQUENCE = "ce_sequence";

	public static final String CORRELATION_ID = "correlation_id";

	public static final String CAUSATION_ID = "causation_id";

	public static final String TRACEPARENT = "traceparent";

	private CloudEventHeaders() {
	}

	/**
	 * The last value of the header as text, or {@code null} when the record has none.
	 */
	public static String get(ConsumerRecord<?, ?> record, String name) {
		return get(record.headers(), name);
	}

	/**
	 * The last value of the header as text, or {@code null} when there is none.
	 */
	public static String get(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
