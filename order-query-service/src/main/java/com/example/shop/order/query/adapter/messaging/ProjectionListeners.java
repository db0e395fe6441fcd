package com.example.shop.order.query.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.order.query.view.ProjectionCatalog;
import com.example.shop.order.query.view.Projections;
import com.example.shop.order.query.view.Projections.RecordNotAppliedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds each projection from its topics, in a consumer group of its own, so that each
 * keeps its own offsets and can be rebuilt on its own. A listener takes a whole poll and
 * applies it with a few bulk writes. Idempotency comes from the views, so no inbox is
 * needed; a poll is acknowledged once the view has it.
 * <p>
 * A record that can never be applied (unknown {@code ce_type}, no order id, an orders
 * event without {@code ce_sequence}, malformed JSON) or whose write fails is reported by
 * its position in the poll ({@link BatchListenerFailedException}): the error handler
 * commits the records before it, retries from it when it may succeed later, and publishes
 * it to {@code <topic>-dlt} when it cannot or keeps failing; the records after it are
 * applied as usual.
 */
@Component
class ProjectionListeners {

	private final Projections projections;

	ProjectionListeners(Projections projections) {
		this.projections = projections;
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS },
			groupId = "order-query-service.order-summary", batch = "true")
	void orderSummary(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		apply(ProjectionCatalog.ORDER_SUMMARY, records, acknowledgment);
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS },
			groupId = "order-query-service.revenue-report", batch = "true")
	void revenueReport(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		apply(ProjectionCatalog.REVENUE_REPORT, records, acknowledgment);
	}

	@KafkaListener(topics = Topics.INVENTORY_EVENTS, groupId = "order-query-service.shipping-manifest", batch = "true")
	void shippingManifest(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		apply(ProjectionCatalog.SHIPPING_MANIFEST, records, acknowledgment);
	}

	private void apply(String projection, List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		try {
			this.projections.apply(projection, records);
		}
		catch (RecordNotAppliedException ex) {
			throw new BatchListenerFailedException(projection + ": " + ex.getMessage(), ex, ex.index());
		}
		acknowledgment.acknowledge();
	}

}
