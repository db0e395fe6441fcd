package com.example.shop.saga.adapter.messaging;

import java.util.List;
import java.util.Optional;

import com.example.shop.contracts.Event;
import com.example.shop.contracts.InventoryReleased;
import com.example.shop.contracts.InventoryReservationFailed;
import com.example.shop.contracts.InventoryReserved;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.OrderCancellationRequested;
import com.example.shop.contracts.OrderCancelled;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.OrderRejected;
import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentFailed;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.ShipmentFailed;
import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.inbox.PollHandler;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.saga.application.FulfillmentSagas;
import com.example.shop.saga.application.SagaNotFoundException;
import com.example.shop.saga.domain.OrderDetails;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaReply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the saga from the order events and the participants' replies, once each, through
 * the inbox, a poll per transaction (a poll's records that touch one saga apply one after
 * the other, each seeing the saga as the one before left it). Each record is decoded once
 * into an {@link Event}: {@code OrderPlaced} starts a saga, every other event moves the
 * order's saga. Event types the saga does not know are skipped, as consumers of a
 * published language must. A reply for an order without a saga, or one that cannot be
 * read, goes to the topic's dead letters. The sagas that a poll's replies move are locked
 * with one query before the first is applied.
 */
@Component
class SagaRepliesListener implements PollHandler<byte[], Optional<Event>> {

	static final String CONSUMER = "saga-orchestrator";

	private static final Logger log = LoggerFactory.getLogger(SagaRepliesListener.class);

	private final Inbox inbox;

	private final FulfillmentSagas sagas;

	private final MessageCodec codec;

	private final Causes causes;

	SagaRepliesListener(Inbox inbox, FulfillmentSagas sagas, MessageCodec codec, Causes causes) {
		this.inbox = inbox;
		this.sagas = sagas;
		this.codec = codec;
		this.causes = causes;
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS },
			groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this);
	}

	@Override
	public Optional<Event> decode(ConsumerRecord<String, byte[]> record) {
		return this.codec.decodeIfKnown(record, Event.class);
	}

	@Override
	public void prepare(List<Optional<Event>> events) {
		// an OrderPlaced starts a saga: there is none to lock
		this.sagas.lockAll(PollHandler.idsOf(events,
				(event) -> event.filter((known) -> !(known instanceof OrderPlaced))
					.map((reply) -> List.of(new OrderId(reply.orderId().value())))
					.orElse(List.of())));
	}

	@Override
	public void apply(ConsumerRecord<String, byte[]> record, Optional<Event> decoded) {
		if (decoded.isEmpty()) {
			log.debug("Skipping {} on {}: the saga does not act on it",
					CloudEventHeaders.get(record, CloudEventHeaders.TYPE), record.topic());
			return;
		}
		Event event = decoded.get();
		EventMetadata metadata = this.causes.ofRecord(record);
		OrderId orderId = new OrderId(event.orderId().value());
		if (event instanceof OrderPlaced placed) {
			this.sagas.start(orderId, details(placed), metadata);
			return;
		}
		try {
			this.sagas.handle(orderId, reply(event), metadata);
		}
		catch (SagaNotFoundException ex) {
			throw new InvalidMessageException(
					MessageTypes.of(event).name() + " for an order without a saga: " + orderId, ex);
		}
	}

	private static SagaReply reply(Event event) {
		return switch (event) {
			case OrderPlaced placed -> throw new IllegalArgumentException("OrderPlaced starts a saga");
			case OrderConfirmed confirmed -> new SagaReply.OrderConfirmed();
			case OrderRejected rejected -> new SagaReply.OrderRejected();
			case OrderCancellationRequested requested -> new SagaReply.OrderCancellationRequested();
			case OrderCancelled cancelled -> new SagaReply.OrderCancelled();
			case PaymentCharged charged -> new SagaReply.PaymentCharged();
			case PaymentFailed failed -> new SagaReply.PaymentFailed(failed.reason());
			case PaymentRefunded refunded -> new SagaReply.PaymentRefunded();
			case InventoryReserved reserved -> new SagaReply.InventoryReserved();
			case InventoryReservationFailed failed -> new SagaReply.InventoryReservationFailed(failed.reason());
			case InventoryReleased released -> new SagaReply.InventoryReleased();
			case ShipmentCreated created -> new SagaReply.ShipmentCreated(created.trackingNumber());
			case ShipmentFailed failed -> new SagaReply.ShipmentFailed(failed.reason());
			case ShipmentCancelled cancelled -> new SagaReply.ShipmentCancelled();
		};
	}

	private static OrderDetails details(OrderPlaced placed) {
		if (placed.customerId() == null || placed.total() == null || placed.currency() == null || placed.lines() == null
				|| placed.lines().isEmpty() || placed.lines().contains(null) || placed.recipient() == null
				|| placed.shippingAddress() == null) {
			throw new InvalidMessageException("OrderPlaced " + placed.orderId() + " lacks what the saga needs");
		}
		var address = placed.shippingAddress();
		return new OrderDetails(placed.customerId().value(), placed.total(), placed.currency(), placed.lines()
			.stream()
			.map((line) -> new OrderDetails.Line((line.sku() != null) ? line.sku().value() : null, line.quantity()))
			.toList(),
				new OrderDetails.Destination(placed.recipient(), address.street(), address.city(), address.postalCode(),
						address.country()));
	}

}
