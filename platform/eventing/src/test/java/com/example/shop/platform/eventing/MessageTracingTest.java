package com.example.shop.platform.eventing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import com.example.shop.platform.eventing.store.EventMetadata;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Message spans with a real tracer (Brave, W3C propagation, as the services run it).
 */
class MessageTracingTest {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SENDER_SPAN_ID = "00f067aa0ba902b7";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SENDER_SPAN_ID + "-01";

	private final List<MutableSpan> reported = new CopyOnWriteArrayList<>();

	private final Tracing tracingLibrary = Tracing.newBuilder()
		.localServiceName("test")
		.propagationFactory(new W3CPropagation())
		.addSpanHandler(new SpanHandler() {
			@Override
			public boolean end(TraceContext context, MutableSpan span, Cause cause) {
				MessageTracingTest.this.reported.add(span);
				return true;
			}
		})
		.build();

	private final Tracer tracer = new BraveTracer(this.tracingLibrary.tracer(),
			new BraveCurrentTraceContext(this.tracingLibrary.currentTraceContext()));

	private final MessageTracing tracing = new MessageTracing(this.tracer, new BravePropagator(this.tracingLibrary));

	@AfterEach
	void close() {
		this.tracingLibrary.close();
	}

	@Test
	void applyingARecordContinuesTheTraceOfTheSpanThatSentIt() {
		ConsumerRecord<String, byte[]> record = record(TRACEPARENT);

		Span span = this.tracing.startConsumer(record, "process");
		try (Tracer.SpanInScope scope = this.tracing.inScope(span)) {
			assertThat(this.tracing.inSpan()).isTrue();
			assertThat(this.tracing.currentTraceparent())
				.isEqualTo("00-" + TRACE_ID + "-" + span.context().spanId() + "-01");
		}
		span.end();

		assertThat(span.context().traceId()).isEqualTo(TRACE_ID);
		assertThat(span.context().spanId()).isNotEqualTo(SENDER_SPAN_ID);
		assertThat(this.reported).singleElement().satisfies((reported) -> {
			assertThat(reported.parentId()).isEqualTo(SENDER_SPAN_ID);
			assertThat(reported.name()).isEqualTo("process orders.commands");
			assertThat(reported.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
			assertThat(reported.tags()).containsEntry("messaging.destination.name", "orders.commands")
				.containsEntry("messaging.message.id", "message-1")
				.containsEntry("cloudevents.event_type", "ReserveStock");
		});
		assertThat(this.tracing.inSpan()).isFalse();
	}

	@Test
	void aRecordWithoutTraceContextStartsATrace() {
		Span span = this.tracing.startConsumer(record(null), "process");
		span.end();

		assertThat(span.context().traceId()).isNotEqualTo(TRACE_ID);
		assertThat(this.reported).singleElement().satisfies((reported) -> assertThat(reported.parentId()).isNull());
	}

	@Test
	void publishingContinuesTheStoredTraceAndSendsItsOwnSpan() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(CloudEventHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));

		Span span = this.tracing.startProducer("orders.events", TRACEPARENT, headers);
		span.end();

		assertThat(headers.headers(CloudEventHeaders.TRACEPARENT)).as("one traceparent, the producer span's")
			.hasSize(1);
		assertThat(CloudEventHeaders.get(headers, CloudEventHeaders.TRACEPARENT))
			.isEqualTo("00-" + TRACE_ID + "-" + span.context().spanId() + "-01");
		assertThat(this.reported).singleElement().satisfies((reported) -> {
			assertThat(reported.parentId()).isEqualTo(SENDER_SPAN_ID);
			assertThat(reported.name()).isEqualTo("send orders.events");
			assertThat(reported.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
		});
	}

	@Test
	void theEventsAMessageCausesCarryTheSpanThatAppliedIt() {
		ConsumerRecord<String, byte[]> record = record(TRACEPARENT);
		Causes causes = new Causes(this.tracing);

		Span span = this.tracing.startConsumer(record, "process");
		EventMetadata metadata;
		try (Tracer.SpanInScope scope = this.tracing.inScope(span)) {
			metadata = causes.ofRecord(record);
		}
		span.end();

		assertThat(metadata.traceparent()).isEqualTo("00-" + TRACE_ID + "-" + span.context().spanId() + "-01");
	}

	@Test
	void theEventsARequestCausesCarryItsServerSpanNotTheCallers() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(CloudEventHeaders.TRACEPARENT, TRACEPARENT);
		Span server = this.tracer.nextSpan().name("http post /orders").start();

		EventMetadata metadata;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(server)) {
			metadata = new Causes(this.tracing).ofRequest(headers, "alice");
		}
		server.end();

		assertThat(metadata.traceparent()).contains(server.context().spanId()).doesNotContain(SENDER_SPAN_ID);
	}

	@Test
	void theTraceIdIsTheSecondFieldOfATraceparent() {
		assertThat(MessageTracing.traceId(TRACEPARENT)).isEqualTo(TRACE_ID);
		assertThat(MessageTracing.traceId(null)).isNull();
		assertThat(MessageTracing.traceId("not-a-trace-parent")).isNull();
	}

	@Test
	void withoutATracerTracingIsOff() {
		assertThat(MessageTracing.off().isOff()).isTrue();
		assertThat(this.tracing.isOff()).isFalse();
		assertThat(MessageTracing.off().currentTraceparent()).isNull();
	}

	private static ConsumerRecord<String, byte[]> record(String traceparent) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders.commands", 0, 7, "order-1", new byte[0]);
		header(record, CloudEventHeaders.ID, "message-1");
		header(record, CloudEventHeaders.TYPE, "ReserveStock");
		if (traceparent != null) {
			header(record, CloudEventHeaders.TRACEPARENT, traceparent);
		}
		return record;
	}

	private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
