package com.example.shop.order.query.adapter.messaging;

import com.example.shop.contracts.Topics;
import com.example.shop.order.query.view.OrderEventsDecoder;
import com.example.shop.order.query.view.OrderSummaryProjection;
import com.example.shop.order.query.view.ProjectionMonitor;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the order summary view from {@code orders.events}. Idempotency comes from the
 * view's version check, so no inbox is needed; the record is acknowledged once the view
 * has it. A record that can never be applied (unknown {@code ce_type}, no
 * {@code ce_sequence}, malformed JSON) goes to {@code orders.events-dlt}.
 */
@Component
class OrderEventsListener {

	private final OrderSummaryProjection summaries;

	private final OrderEventsDecoder decoder;

	private final ProjectionMonitor monitor;

	OrderEventsListener(OrderSummaryProjection summaries, OrderEventsDecoder decoder, ProjectionMonitor monitor) {
		this.summaries = summaries;
		this.decoder = decoder;
		this.monitor = monitor;
	}

	@KafkaListener(topics = Topics.ORDERS_EVENTS, groupId = "order-query-service.order-summary")
	void on(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		this.summaries.apply(this.decoder.event(record), this.decoder.version(record));
		this.monitor.applied(record);
		acknowledgment.acknowledge();
	}

}
