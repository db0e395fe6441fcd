package com.example.shop.platform.eventing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Spans for the messages a service consumes and publishes, each in the trace of what
 * caused it, so that one trace runs from {@code POST /orders} through every saga step to
 * the projections.
 * <p>
 * A consumer span continues the trace whose context the record carries (its W3C
 * {@code traceparent} header); a producer span continues the trace whose context was
 * stored with the outbox row when the business transaction committed, and its own context
 * goes out in the record's headers. Spans are made here rather than by Spring Kafka's
 * observations because records are applied a poll at a time and published by the outbox
 * relay long after the request ended: only the message knows which trace it belongs to.
 * <p>
 * Without a {@link Tracer} (a service built without Micrometer Tracing, or {@link #off()}
 * in a test) there are no spans and a message passes on the context it came with. Spring
 * Boot makes a tracer whenever the bridge is on the class path, also with
 * {@code management.tracing.export.enabled=false}, which only stops reporting and
 * propagation.
 */
public class MessageTracing {

	private static final Propagator.Getter<ConsumerRecord<?, ?>> RECORD = CloudEventHeaders::get;

	private static final Propagator.Setter<Headers> HEADERS = (headers, name, value) -> {
		if (headers != null) {
			headers.remove(name);
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	};

	private final Tracer tracer;

	private final Propagator propagator;

	public MessageTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * No tracer: no spans (for tests and benchmarks of the message path).
	 */
	public static MessageTracing off() {
		return new MessageTracing(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * Starts the span of applying a consumed record, a child of the span that sent it.
	 * The caller ends it.
	 * @param operation what is done with it: {@code process}, {@code project}
	 */
	public Span startConsumer(ConsumerRecord<?, ?> record, String operation) {
		Span.Builder span = this.propagator.extract(record, RECORD)
			.name(operation + " " + record.topic())
			.kind(Span.Kind.CONSUMER)
			.remoteServiceName("kafka")
			.tag("messaging.system", "kafka")
			.tag("messaging.operation", operation)
			.tag("messaging.destination.name", record.topic())
			.tag("messaging.kafka.partition", record.partition())
			.tag("messaging.kafka.offset", record.offset());
		tagIfPresent(span, "messaging.message.id", CloudEventHeaders.get(record, CloudEventHeaders.ID));
		tagIfPresent(span, "cloudevents.event_type", CloudEventHeaders.get(record, CloudEventHeaders.TYPE));
		return span.start();
	}

	/**
	 * Makes the span current (log lines and the spans of the database calls made
	 * meanwhile belong to it) until the scope closes.
	 */
	public Tracer.SpanInScope inScope(Span span) {
		return this.tracer.withSpan(span);
	}

	/**
	 * Starts the span of publishing a message, a child of the trace context stored with
	 * it, and puts the span's own context into the record's headers in place of the
	 * stored one. The caller ends it when the broker acknowledges.
	 * @param storedTraceparent the {@code traceparent} stored with the outbox row, or
	 * {@code null} (the span starts a trace)
	 */
	public Span startProducer(String topic, String storedTraceparent, Headers headers) {
		Map<String, String> stored = (storedTraceparent != null)
				? Map.of(CloudEventHeaders.TRACEPARENT, storedTraceparent) : Map.of();
		Span span = this.propagator.extract(stored, Map::get)
			.name("send " + topic)
			.kind(Span.Kind.PRODUCER)
			.remoteServiceName("kafka")
			.tag("messaging.system", "kafka")
			.tag("messaging.operation", "publish")
			.tag("messaging.destination.name", topic)
			.start();
		if (!span.isNoop()) {
			this.propagator.inject(span.context(), headers, HEADERS);
		}
		return span;
	}

	/**
	 * The W3C {@code traceparent} of the current span: what the events caused now carry,
	 * so that their consumers continue this trace.
	 * @return {@code null} when no span is current
	 */
	public String currentTraceparent() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(context, carrier, Map::put);
		return carrier.get(CloudEventHeaders.TRACEPARENT);
	}

	/**
	 * The work, made to run (on whatever thread) in the span current here, so that what
	 * it does belongs to this caller's trace.
	 */
	public <T> Supplier<T> inCurrentSpan(Supplier<T> work) {
		Span current = this.tracer.currentSpan();
		return () -> {
			try (Tracer.SpanInScope scope = this.tracer.withSpan(current)) {
				return work.get();
			}
		};
	}

	/**
	 * Whether there is no tracer: no spans are made.
	 */
	public boolean isOff() {
		return this.tracer == Tracer.NOOP;
	}

	/**
	 * Whether a span is current: whether work done now belongs to a trace.
	 */
	public boolean inSpan() {
		return this.tracer.currentSpan() != null;
	}

	/**
	 * The trace id in a W3C {@code traceparent}
	 * ({@code 00-<trace id>-<span id>-<flags>}): what to look a trace up by in the trace
	 * viewer.
	 * @return {@code null} for {@code null} or anything that is not a traceparent
	 */
	public static String traceId(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String[] parts = traceparent.split("-");
		return (parts.length == 4 && parts[1].length() == 32) ? parts[1] : null;
	}

	private static void tagIfPresent(Span.Builder span, String key, String value) {
		if (value != null) {
			span.tag(key, value);
		}
	}

}
