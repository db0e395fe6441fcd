package com.example.shop.order.query.view;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.InventoryReleased;
import com.example.shop.contracts.inventory.InventoryReservationFailed;
import com.example.shop.contracts.inventory.InventoryReserved;
import com.example.shop.contracts.inventory.ShipmentCancelled;
import com.example.shop.contracts.inventory.ShipmentCreated;
import com.example.shop.contracts.inventory.ShipmentFailed;
import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;
import com.example.shop.contracts.payments.PaymentCharged;
import com.example.shop.contracts.payments.PaymentFailed;
import com.example.shop.contracts.payments.PaymentRefunded;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a record of {@code orders.events}, {@code payments.events} or
 * {@code inventory.events} into its contract record, by the topic and the {@code ce_type}
 * header (the record's simple name). Unknown JSON fields are ignored, since contracts
 * grow by adding fields. A record that can never be applied is refused as invalid: an
 * unknown type, no order id, or an orders event without its stream version
 * ({@code ce_sequence}); payments and inventory events carry none.
 */
@Component
class EventDecoder {

	private static final Map<String, Map<String, Class<? extends Record>>> TYPES = Map.of(Topics.ORDERS_EVENTS,
			byName(OrderPlaced.class, OrderConfirmed.class, OrderRejected.class, OrderCancellationRequested.class,
					OrderCancelled.class),
			Topics.PAYMENTS_EVENTS, byName(PaymentCharged.class, PaymentFailed.class, PaymentRefunded.class),
			Topics.INVENTORY_EVENTS, byName(InventoryReserved.class, InventoryReservationFailed.class,
					InventoryReleased.class, ShipmentCreated.class, ShipmentFailed.class, ShipmentCancelled.class));

	private final JsonMapper json;

	EventDecoder(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		Class<? extends Record> contract = TYPES.getOrDefault(record.topic(), Map.of()).get(type);
		if (contract == null) {
			throw new InvalidMessageException("Unknown event type " + type + " on " + record.topic());
		}
		Record event = this.json.readValue(record.value(), contract);
		String orderId = orderId(event);
		if (orderId == null || orderId.isBlank()) {
			throw new InvalidMessageException(type + " without an order id");
		}
		Long version = Topics.ORDERS_EVENTS.equals(record.topic()) ? version(record) : null;
		return new ReceivedEvent(orderId, event, version);
	}

	private static long version(ConsumerRecord<String, byte[]> record) {
		try {
			return Long.parseLong(CloudEventHeaders.get(record, CloudEventHeaders.SEQUENCE));
		}
		catch (NumberFormatException ex) {
			throw new InvalidMessageException("No stream version in " + CloudEventHeaders.SEQUENCE, ex);
		}
	}

	private static String orderId(Record event) {
		return switch (event) {
			case OrderPlaced e -> e.orderId();
			case OrderConfirmed e -> e.orderId();
			case OrderRejected e -> e.orderId();
			case OrderCancellationRequested e -> e.orderId();
			case OrderCancelled e -> e.orderId();
			case PaymentCharged e -> e.orderId();
			case PaymentFailed e -> e.orderId();
			case PaymentRefunded e -> e.orderId();
			case InventoryReserved e -> e.orderId();
			case InventoryReservationFailed e -> e.orderId();
			case InventoryReleased e -> e.orderId();
			case ShipmentCreated e -> e.orderId();
			case ShipmentFailed e -> e.orderId();
			case ShipmentCancelled e -> e.orderId();
			default -> throw new IllegalArgumentException("Not a contract event: " + event.getClass().getName());
		};
	}

	@SafeVarargs
	private static Map<String, Class<? extends Record>> byName(Class<? extends Record>... types) {
		return Arrays.stream(types).collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
	}

}
