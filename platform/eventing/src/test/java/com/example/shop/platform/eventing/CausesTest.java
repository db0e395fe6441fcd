package com.example.shop.platform.eventing;

import java.nio.charset.StandardCharsets;

import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tracing off: the trace context that came with a request or message passes on
 * ({@link MessageTracingTest} has it with a tracer).
 */
class CausesTest {

	private static final Causes CAUSES = new Causes(MessageTracing.off());

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void aConsumedMessageContinuesItsCorrelationAndCausesWhatFollows() {
		ConsumerRecord<String, byte[]> record = record();
		header(record, CloudEventHeaders.ID, "message-1");
		header(record, CloudEventHeaders.CORRELATION_ID, "correlation-1");
		header(record, CloudEventHeaders.SOURCE, "saga-orchestrator");
		header(record, CloudEventHeaders.TRACEPARENT, TRACEPARENT);

		assertThat(CAUSES.ofRecord(record))
			.isEqualTo(new EventMetadata("correlation-1", "message-1", "saga-orchestrator", TRACEPARENT));
	}

	@Test
	void aMessageWithoutCorrelationStartsOne() {
		ConsumerRecord<String, byte[]> record = record();
		header(record, CloudEventHeaders.ID, "message-2");

		EventMetadata metadata = CAUSES.ofRecord(record);

		assertThat(metadata.correlationId()).isNotBlank().isNotEqualTo("message-2");
		assertThat(metadata.causationId()).isEqualTo("message-2");
		assertThat(metadata.traceparent()).isNull();
	}

	@Test
	void aRequestContinuesTheCallersCorrelationOnBehalfOfItsUser() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Correlation-Id", "correlation-3");
		headers.add("X-User", "mallory");
		headers.add("traceparent", TRACEPARENT);

		assertThat(CAUSES.ofRequest(headers, "alice"))
			.as("the principal is the token's subject, whatever a header says")
			.isEqualTo(new EventMetadata("correlation-3", "correlation-3", "alice", TRACEPARENT));
	}

	@Test
	void aRequestWithoutHeadersStartsACorrelation() {
		EventMetadata metadata = CAUSES.ofRequest(new HttpHeaders(), "shop-demo");

		assertThat(metadata.correlationId()).isNotBlank().isEqualTo(metadata.causationId());
		assertThat(metadata.principal()).isEqualTo("shop-demo");
		assertThat(metadata.traceparent()).isNull();
	}

	private static ConsumerRecord<String, byte[]> record() {
		return new ConsumerRecord<>("orders.commands", 0, 0, "order-1", new byte[0]);
	}

	private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
