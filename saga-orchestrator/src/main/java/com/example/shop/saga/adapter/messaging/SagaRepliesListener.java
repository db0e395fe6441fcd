package com.example.shop.saga.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.InventoryReservationFailed;
import com.example.shop.contracts.inventory.ShipmentCreated;
import com.example.shop.contracts.inventory.ShipmentFailed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.payments.PaymentFailed;
import com.example.shop.saga.application.FulfillmentSagas;
import com.example.shop.saga.application.SagaNotFoundException;
import com.example.shop.saga.domain.OrderDetails;
import com.example.shop.saga.domain.SagaReply;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Feeds the saga from the order events and the participants' replies, once each, through
 * the inbox, a poll per transaction (a poll's records that touch one saga apply one after
 * the other, each seeing the saga as the one before left it). {@code OrderPlaced} starts
 * a saga; every other event moves the order's saga. Event types the saga does not act on
 * are skipped, as consumers of a published language must. A reply for an order without a
 * saga, or one that cannot be read, goes to the topic's dead letters.
 */
@Component
class SagaRepliesListener {

	static final String CONSUMER = "saga-orchestrator";

	private static final Logger log = LoggerFactory.getLogger(SagaRepliesListener.class);

	private final Inbox inbox;

	private final FulfillmentSagas sagas;

	private final JsonMapper json;

	SagaRepliesListener(Inbox inbox, FulfillmentSagas sagas, JsonMapper json) {
		this.inbox = inbox;
		this.sagas = sagas;
		this.json = json;
	}

	@KafkaListener(topics = { Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS },
			groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this::apply);
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		EventMetadata metadata = Causes.ofRecord(record);
		if ("OrderPlaced".equals(type)) {
			OrderPlaced placed = read(record, OrderPlaced.class);
			this.sagas.start(required(placed.orderId()), details(placed), metadata);
			return;
		}
		SagaReply reply = reply(type, record);
		if (reply == null) {
			log.debug("Skipping {} on {}: the saga does not act on it", type, record.topic());
			return;
		}
		String orderId = required(this.json.readTree(record.value()).path("orderId").asString(null));
		try {
			this.sagas.handle(orderId, reply, metadata);
		}
		catch (SagaNotFoundException ex) {
			throw new InvalidMessageException(type + " for an order without a saga: " + orderId, ex);
		}
	}

	private SagaReply reply(String type, ConsumerRecord<String, byte[]> record) {
		return switch (type) {
			case "PaymentCharged" -> new SagaReply.PaymentCharged();
			case "PaymentFailed" -> new SagaReply.PaymentFailed(read(record, PaymentFailed.class).reason());
			case "PaymentRefunded" -> new SagaReply.PaymentRefunded();
			case "InventoryReserved" -> new SagaReply.InventoryReserved();
			case "InventoryReservationFailed" ->
				new SagaReply.InventoryReservationFailed(read(record, InventoryReservationFailed.class).reason());
			case "InventoryReleased" -> new SagaReply.InventoryReleased();
			case "ShipmentCreated" ->
				new SagaReply.ShipmentCreated(read(record, ShipmentCreated.class).trackingNumber());
			case "ShipmentFailed" -> new SagaReply.ShipmentFailed(read(record, ShipmentFailed.class).reason());
			case "ShipmentCancelled" -> new SagaReply.ShipmentCancelled();
			case "OrderCancellationRequested" -> new SagaReply.OrderCancellationRequested();
			case "OrderConfirmed" -> new SagaReply.OrderConfirmed();
			case "OrderRejected" -> new SagaReply.OrderRejected();
			case "OrderCancelled" -> new SagaReply.OrderCancelled();
			case null -> throw new InvalidMessageException("Record without a " + CloudEventHeaders.TYPE + " header");
			default -> null;
		};
	}

	private static OrderDetails details(OrderPlaced placed) {
		if (placed.customerId() == null || placed.total() == null || placed.currency() == null || placed.lines() == null
				|| placed.lines().isEmpty() || placed.shippingAddress() == null) {
			throw new InvalidMessageException("OrderPlaced " + placed.orderId() + " lacks what the saga needs");
		}
		var address = placed.shippingAddress();
		return new OrderDetails(placed.customerId(), placed.total(), placed.currency(),
				placed.lines().stream().map((line) -> new OrderDetails.Line(line.sku(), line.quantity())).toList(),
				new OrderDetails.Destination(address.name(), address.street(), address.city(), address.postalCode(),
						address.country()));
	}

	private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
		return this.json.readValue(record.value(), type);
	}

	private static String required(String orderId) {
		if (orderId == null || orderId.isBlank()) {
			throw new InvalidMessageException("Message without an orderId");
		}
		return orderId;
	}

}
