package com.example.shop.order.query.adapter.messaging;

import java.util.List;

import com.example.shop.order.query.projection.Projections.RecordNotAppliedException;
import com.example.shop.order.query.projection.Projections;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the projections from their topics in one consumer group, subscribed to every
 * topic a projection names ({@link Projections#topics()}): a listener takes a whole poll,
 * decodes each record once and applies it to every projection built from its topic with a
 * few bulk writes per projection. Idempotency comes from the views, so no inbox is
 * needed; a poll is acknowledged once the views have it. Rebuilds read with a consumer of
 * their own ({@link KafkaTopicReplay}), so one group does not tie the projections'
 * rebuilds together.
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

	private final KafkaTopicRecords topicRecords;

	ProjectionListeners(Projections projections, KafkaTopicRecords topicRecords) {
		this.projections = projections;
		this.topicRecords = topicRecords;
	}

	@KafkaListener(topics = "#{@projections.topics()}", groupId = "order-query-service.projections", batch = "true")
	void apply(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		try {
			this.projections.apply(this.topicRecords.of(records));
		}
		catch (RecordNotAppliedException ex) {
			throw new BatchListenerFailedException(ex.getMessage(), ex, ex.index());
		}
		acknowledgment.acknowledge();
	}

}
