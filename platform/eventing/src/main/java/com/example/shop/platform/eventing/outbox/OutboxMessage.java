package com.example.shop.platform.eventing.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.store.EventMetadata;

/**
 * A message to publish to Kafka.
 *
 * @param messageId its unique id, published as the CloudEvents {@code ce_id}; consumers
 * deduplicate on it
 * @param topic the topic
 * @param key the record key: the aggregate id, or another key whose messages must stay in
 * order (for saga commands, the order id)
 * @param type the logical message type, published as {@code ce_type}
 * @param payload the message as JSON
 * @param headers further headers: correlation and causation ids, {@code traceparent}
 */
public record OutboxMessage(UUID messageId, String topic, String key, String type, String payload,
		Map<String, String> headers) {

	/**
	 * A message that carries the correlation, causation and trace context of the change
	 * it announces.
	 */
	public static OutboxMessage of(String topic, String key, String type, String payload, EventMetadata metadata) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(CloudEventHeaders.CORRELATION_ID, metadata.correlationId());
		headers.put(CloudEventHeaders.CAUSATION_ID, metadata.causationId());
		if (metadata.traceparent() != null) {
			headers.put(CloudEventHeaders.TRACEPARENT, metadata.traceparent());
		}
		return new OutboxMessage(UUID.randomUUID(), topic, key, type, payload, headers);
	}

	/**
	 * This message with one more header.
	 */
	public OutboxMessage withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new OutboxMessage(this.messageId, this.topic, this.key, this.type, this.payload, more);
	}

}
