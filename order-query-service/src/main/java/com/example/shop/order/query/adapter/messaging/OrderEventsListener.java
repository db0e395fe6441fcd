package com.example.shop.order.query.adapter.messaging;

import java.util.Map;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;
import com.example.shop.order.query.view.OrderSummaryProjection;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the order summary view from {@code orders.events}. Idempotency comes from the
 * view's version check, so no inbox is needed; the record is acknowledged once the view
 * has it. A record without a known {@code ce_type} or a {@code ce_sequence} goes to
 * {@code orders.events-dlt}. Unknown JSON fields are ignored: contracts grow by adding
 * fields.
 */
@Component
class OrderEventsListener {

	private static final Map<String, Class<?>> TYPES = Map.of("OrderPlaced", OrderPlaced.class, "OrderConfirmed",
			OrderConfirmed.class, "OrderRejected", OrderRejected.class, "OrderCancellationRequested",
			OrderCancellationRequested.class, "OrderCancelled", OrderCancelled.class);

	private final OrderSummaryProjection summaries;

	private final JsonMapper json;

	OrderEventsListener(OrderSummaryProjection summaries, JsonMapper json) {
		this.summaries = summaries;
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	@KafkaListener(topics = Topics.ORDERS_EVENTS, groupId = "order-query-service.order-summary")
	void on(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		Class<?> contract = (type != null) ? TYPES.get(type) : null;
		if (contract == null) {
			throw new InvalidMessageException("Unknown event type " + type);
		}
		this.summaries.apply(this.json.readValue(record.value(), contract), sequence(record));
		acknowledgment.acknowledge();
	}

	private static long sequence(ConsumerRecord<String, byte[]> record) {
		try {
			return Long.parseLong(CloudEventHeaders.get(record, CloudEventHeaders.SEQUENCE));
		}
		catch (NumberFormatException ex) {
			throw new InvalidMessageException("No stream version in " + CloudEventHeaders.SEQUENCE, ex);
		}
	}

}
