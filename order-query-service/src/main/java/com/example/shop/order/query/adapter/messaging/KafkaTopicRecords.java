package com.example.shop.order.query.adapter.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.example.shop.contracts.Event;
import com.example.shop.contracts.OrderEvent;
import com.example.shop.order.query.projection.ReceivedEvent;
import com.example.shop.order.query.projection.TopicRecord;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * Kafka's records of {@code orders.events}, {@code payments.events} and
 * {@code inventory.events} as the projection engine reads them. Each decodes into its
 * {@link Event} through the shared {@link MessageCodec}. A record that can never be
 * applied is refused as invalid: an unknown type, no order id, or an orders event without
 * its stream version ({@code ce_sequence}); payments and inventory events carry none. Its
 * time is {@code ce_time}, and its span continues the trace in its headers.
 */
@Component
class KafkaTopicRecords {

	private final MessageCodec codec;

	private final MessageTracing tracing;

	KafkaTopicRecords(MessageCodec codec, MessageTracing tracing) {
		this.codec = codec;
		this.tracing = tracing;
	}

	List<TopicRecord> of(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().<TopicRecord>map(KafkaRecord::new).toList();
	}

	private final class KafkaRecord implements TopicRecord {

		private final ConsumerRecord<String, byte[]> record;

		private KafkaRecord(ConsumerRecord<String, byte[]> record) {
			this.record = record;
		}

		@Override
		public String topic() {
			return this.record.topic();
		}

		@Override
		public int partition() {
			return this.record.partition();
		}

		@Override
		public long offset() {
			return this.record.offset();
		}

		@Override
		public ReceivedEvent decode() {
			Event event = KafkaTopicRecords.this.codec.decode(this.record, Event.class);
			Long version = (event instanceof OrderEvent) ? version() : null;
			return new ReceivedEvent(event.orderId().value(), event, version);
		}

		@Override
		public Instant writtenAt() {
			String written = CloudEventHeaders.get(this.record, CloudEventHeaders.TIME);
			if (written == null) {
				return null;
			}
			try {
				return Instant.parse(written);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

		@Override
		public Span startSpan(String operation) {
			return KafkaTopicRecords.this.tracing.startConsumer(this.record, operation);
		}

		private long version() {
			try {
				return Long.parseLong(CloudEventHeaders.get(this.record, CloudEventHeaders.SEQUENCE));
			}
			catch (NumberFormatException ex) {
				throw new InvalidMessageException("No stream version in " + CloudEventHeaders.SEQUENCE, ex);
			}
		}

	}

}
