package com.example.shop.inventory.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.CancelShipment;
import com.example.shop.contracts.inventory.CreateShipment;
import com.example.shop.contracts.inventory.ReleaseInventory;
import com.example.shop.contracts.inventory.ReserveInventory;
import com.example.shop.contracts.inventory.StockLine;
import com.example.shop.inventory.application.AllocationCommands;
import com.example.shop.inventory.domain.Destination;
import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's commands ({@code ReserveInventory}, {@code ReleaseInventory},
 * {@code CreateShipment}, {@code CancelShipment}) through the inbox, a poll per
 * transaction: each message id once, and each command once per order whatever its message
 * id (the allocation answers a repeat with its first outcome). Business failures are
 * answers, never exceptions.
 * <p>
 * When a concurrent transaction changed a stream first (two orders reserving the last
 * unit), the inbox's transaction has rolled back entirely; the records before the one
 * that conflicted are applied again, and that one runs again alone, up to
 * {@code shop.inventory.conflict-attempts} times; then the error handler's retries take
 * over. A command that can never apply (unknown type, malformed payload, invalid ids or
 * quantities) goes to {@code inventory.commands-dlt} at once, with the reason.
 */
@Component
class InventoryCommandsListener {

	static final String CONSUMER = "inventory-service";

	private final Inbox inbox;

	private final AllocationCommands commands;

	private final JsonMapper json;

	InventoryCommandsListener(Inbox inbox, AllocationCommands commands, JsonMapper json) {
		this.inbox = inbox;
		this.commands = commands;
		this.json = json;
	}

	@KafkaListener(topics = Topics.INVENTORY_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this::apply);
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		EventMetadata metadata = Causes.ofRecord(record);
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		try {
			switch (type) {
				case "ReserveInventory" -> {
					ReserveInventory reserve = read(record, ReserveInventory.class);
					this.commands.reserve(OrderId.of(reserve.orderId()), lines(reserve.lines()), metadata);
				}
				case "ReleaseInventory" ->
					this.commands.release(OrderId.of(read(record, ReleaseInventory.class).orderId()), metadata);
				case "CreateShipment" -> {
					CreateShipment ship = read(record, CreateShipment.class);
					this.commands.ship(OrderId.of(ship.orderId()), destination(ship.destination()), metadata);
				}
				case "CancelShipment" ->
					this.commands.cancelShipment(OrderId.of(read(record, CancelShipment.class).orderId()), metadata);
				case null, default -> throw new InvalidMessageException("Unknown command type " + type);
			}
		}
		catch (InvalidStockException ex) {
			throw new InvalidMessageException("Command " + type + " is invalid: " + ex.getMessage(), ex);
		}
	}

	private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
		if (record.value() == null) {
			throw new InvalidMessageException("Command " + type.getSimpleName() + " has no payload");
		}
		return this.json.readValue(record.value(), type);
	}

	private static List<SkuQuantity> lines(List<StockLine> lines) {
		if (lines == null || lines.isEmpty() || lines.contains(null)) {
			throw new InvalidStockException("lines", "must be a non-empty list of lines");
		}
		return lines.stream().map((line) -> new SkuQuantity(new Sku(line.sku()), line.quantity())).toList();
	}

	private static Destination destination(com.example.shop.contracts.inventory.Destination destination) {
		if (destination == null) {
			throw new InvalidStockException("destination", "is required");
		}
		return new Destination(destination.name(), destination.street(), destination.city(), destination.postalCode(),
				destination.country());
	}

}
