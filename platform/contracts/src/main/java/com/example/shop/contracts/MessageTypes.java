package com.example.shop.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import tools.jackson.databind.node.ObjectNode;

/**
 * The one registry of the published language: every contract record with its logical type
 * name, schema version and topic. Every producer takes a message's type from here and
 * every consumer looks a received {@code ce_type} up here; no service writes a type name
 * of its own.
 */
public final class MessageTypes {

	private static final Map<Class<? extends Message>, String> TOPICS = Map.of(OrderEvent.class, Topics.ORDERS_EVENTS,
			OrderCommand.class, Topics.ORDERS_COMMANDS, PaymentEvent.class, Topics.PAYMENTS_EVENTS,
			PaymentCommand.class, Topics.PAYMENTS_COMMANDS, InventoryEvent.class, Topics.INVENTORY_EVENTS,
			InventoryCommand.class, Topics.INVENTORY_COMMANDS);

	private static final List<MessageType> ALL = List.of(
			type(OrderPlaced.class, "OrderPlaced", 2, OrderPlaced::fromVersion1),
			type(OrderConfirmed.class, "OrderConfirmed", 1), type(OrderRejected.class, "OrderRejected", 1),
			type(OrderCancellationRequested.class, "OrderCancellationRequested", 1),
			type(OrderCancelled.class, "OrderCancelled", 1), type(ConfirmOrder.class, "ConfirmOrder", 1),
			type(RejectOrder.class, "RejectOrder", 1), type(CancelOrder.class, "CancelOrder", 1),
			type(PaymentCharged.class, "PaymentCharged", 1), type(PaymentFailed.class, "PaymentFailed", 1),
			type(PaymentRefunded.class, "PaymentRefunded", 1), type(ChargePayment.class, "ChargePayment", 1),
			type(RefundPayment.class, "RefundPayment", 1), type(InventoryReserved.class, "InventoryReserved", 1),
			type(InventoryReservationFailed.class, "InventoryReservationFailed", 1),
			type(InventoryReleased.class, "InventoryReleased", 1), type(ShipmentCreated.class, "ShipmentCreated", 1),
			type(ShipmentFailed.class, "ShipmentFailed", 1), type(ShipmentCancelled.class, "ShipmentCancelled", 1),
			type(ReserveInventory.class, "ReserveInventory", 1), type(ReleaseInventory.class, "ReleaseInventory", 1),
			type(CreateShipment.class, "CreateShipment", 1), type(CancelShipment.class, "CancelShipment", 1));

	private static final Map<Class<? extends Message>, MessageType> BY_CLASS = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(MessageType::javaType, Function.identity()));

	private static final Map<String, MessageType> BY_TOPIC_AND_NAME = ALL.stream()
		.collect(Collectors.toUnmodifiableMap((type) -> key(type.topic(), type.name()), Function.identity()));

	private MessageTypes() {
	}

	/**
	 * Every registered type.
	 */
	public static List<MessageType> all() {
		return ALL;
	}

	/**
	 * The type of this message.
	 */
	public static MessageType of(Message message) {
		return of(message.getClass());
	}

	/**
	 * The type of this record.
	 * @throws IllegalArgumentException if it is not registered
	 */
	public static MessageType of(Class<? extends Message> javaType) {
		MessageType type = BY_CLASS.get(javaType);
		if (type == null) {
			throw new IllegalArgumentException(javaType.getName() + " is not a registered message type");
		}
		return type;
	}

	/**
	 * The type a record on this topic declares with this {@code ce_type}, if it is one of
	 * the published language.
	 */
	public static Optional<MessageType> find(String topic, String name) {
		return Optional.ofNullable(BY_TOPIC_AND_NAME.get(key(topic, name)));
	}

	/**
	 * The topic a family of messages travels on, e.g. {@code orders.events} for
	 * {@link OrderEvent}.
	 * @throws IllegalArgumentException if it is not one of the six families
	 */
	public static String topic(Class<? extends Message> family) {
		String topic = TOPICS.get(family);
		if (topic == null) {
			throw new IllegalArgumentException(family.getName() + " is not a family of messages on one topic");
		}
		return topic;
	}

	@SafeVarargs
	private static MessageType type(Class<? extends Message> javaType, String name, int version,
			UnaryOperator<ObjectNode>... upcasters) {
		Class<? extends Message> family = TOPICS.keySet()
			.stream()
			.filter((candidate) -> candidate.isAssignableFrom(javaType))
			.findFirst()
			.orElseThrow();
		return new MessageType(javaType, name, version, TOPICS.get(family), List.of(upcasters));
	}

	private static String key(String topic, String name) {
		return topic + '\u0000' + name;
	}

}
