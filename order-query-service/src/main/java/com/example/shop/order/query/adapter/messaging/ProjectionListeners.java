package com.example.shop.order.query.adapter.messaging;

import com.example.shop.contracts.Topics;
import com.example.shop.order.query.view.ProjectionCatalog;
import com.example.shop.order.query.view.Projections;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds each projection from its topics, in a consumer group of its own, so that each
 * keeps its own offsets and can be rebuilt on its own. Idempotency comes from the views,
 * so no inbox is needed; a record is acknowledged once the view has it. A record that can
 * never be applied (unknown {@code ce_type}, no order id, an orders event without
 * {@code ce_sequence}, malformed JSON) goes to {@code <topic>-dlt}.
 */
@Component
class ProjectionListeners {

	private final Projections projections;

	ProjectionListeners(Projections projections) {
		this.projections = projections;
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS },
			groupId = "order-query-service.order-summary")
	void orderSummary(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		this.projections.apply(ProjectionCatalog.ORDER_SUMMARY, record);
		acknowledgment.acknowledge();
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS },
			groupId = "order-query-service.revenue-report")
	void revenueReport(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		this.projections.apply(ProjectionCatalog.REVENUE_REPORT, record);
		acknowledgment.acknowledge();
	}

	@KafkaListener(topics = Topics.INVENTORY_EVENTS, groupId = "order-query-service.shipping-manifest")
	void shippingManifest(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
		this.projections.apply(ProjectionCatalog.SHIPPING_MANIFEST, record);
		acknowledgment.acknowledge();
	}

}
