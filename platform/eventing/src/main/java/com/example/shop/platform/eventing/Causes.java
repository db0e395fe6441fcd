package com.example.shop.platform.eventing;

import java.util.Objects;
import java.util.UUID;

import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.http.HttpHeaders;

/**
 * The metadata of the events that a consumed message or an HTTP request causes, read the
 * same way in every service.
 * <p>
 * Each event carries the W3C {@code traceparent} of the span current while it was caused
 * (the request's server span, or the span of applying the message): its consumers
 * continue that trace. Without a tracer, the context that came with the request or the
 * message passes on unchanged.
 */
public class Causes {

	private final MessageTracing tracing;

	public Causes(MessageTracing tracing) {
		this.tracing = tracing;
	}

	/**
	 * A consumed message continues its correlation (a new one when it carries none), is
	 * the cause of what it changes, on behalf of the service that sent it, and in its
	 * trace.
	 */
	public EventMetadata ofRecord(ConsumerRecord<?, ?> record) {
		String correlation = CloudEventHeaders.get(record, CloudEventHeaders.CORRELATION_ID);
		return new EventMetadata((correlation != null) ? correlation : UUID.randomUUID().toString(),
				CloudEventHeaders.get(record, CloudEventHeaders.ID),
				CloudEventHeaders.get(record, CloudEventHeaders.SOURCE),
				traceparent(CloudEventHeaders.get(record, CloudEventHeaders.TRACEPARENT)));
	}

	/**
	 * A request starts a correlation (or continues the caller's
	 * {@code X-Correlation-Id}), is on behalf of the principal its verified token names,
	 * and carries its trace into every event it causes.
	 * @param principal the subject of the request's token: never a header the caller
	 * could set to anything
	 */
	public EventMetadata ofRequest(HttpHeaders headers, String principal) {
		String correlation = Objects.requireNonNullElseGet(headers.getFirst("X-Correlation-Id"),
				() -> UUID.randomUUID().toString());
		return new EventMetadata(correlation, correlation, principal,
				traceparent(headers.getFirst(CloudEventHeaders.TRACEPARENT)));
	}

	private String traceparent(String received) {
		String current = this.tracing.currentTraceparent();
		return (current != null) ? current : received;
	}

}
