package com.example.shop.order.query.projection;

import java.time.Instant;

import io.micrometer.tracing.Span;

/**
 * A record of one of the projections' topics, as the engine reads it: where it is, the
 * event it carries and when that was written. {@code adapter.messaging} makes them from
 * the broker's records.
 */
public interface TopicRecord {

	String topic();

	int partition();

	long offset();

	/**
	 * The event, decoded once per call.
	 * @throws RuntimeException for a record that can never be applied: an unknown type,
	 * no order id, malformed, or an orders event without its stream version
	 */
	ReceivedEvent decode();

	/**
	 * When its event was written, {@code null} when the record does not say or says it in
	 * a malformed way.
	 */
	Instant writtenAt();

	/**
	 * Starts the span of projecting it, in the trace of the change that caused it.
	 */
	Span startSpan(String operation);

}
