package com.example.shop.inventory.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.CancelShipment;
import com.example.shop.contracts.CreateShipment;
import com.example.shop.contracts.InventoryCommand;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.ReleaseInventory;
import com.example.shop.contracts.ReserveInventory;
import com.example.shop.contracts.StockLine;
import com.example.shop.contracts.Topics;
import com.example.shop.inventory.application.AllocationCommands;
import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.inventory.domain.allocation.Destination;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.inbox.PollHandler;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
 * {@code shop.eventing.conflict-retry.attempts} times; then the error handler's retries
 * take over. A command that can never apply (unknown type, malformed payload, invalid ids
 * or quantities) goes to {@code inventory.commands-dlt} at once, with the reason.
 * <p>
 * The allocations of a poll's commands, and the products its reservations name, are read
 * with one query each before the first command is applied.
 */
@Component
class InventoryCommandsListener implements PollHandler<byte[], InventoryCommand> {

	static final String CONSUMER = "inventory-service";

	private final Inbox inbox;

	private final AllocationCommands commands;

	private final MessageCodec codec;

	private final Causes causes;

	InventoryCommandsListener(Inbox inbox, AllocationCommands commands, MessageCodec codec, Causes causes) {
		this.inbox = inbox;
		this.commands = commands;
		this.codec = codec;
		this.causes = causes;
	}

	@KafkaListener(topics = Topics.INVENTORY_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this);
	}

	@Override
	public InventoryCommand decode(ConsumerRecord<String, byte[]> record) {
		return this.codec.decode(record, InventoryCommand.class);
	}

	@Override
	public void prepare(List<InventoryCommand> commands) {
		this.commands.preload(PollHandler.idsOf(commands, (command) -> List.of(OrderId.of(command.orderId().value()))),
				PollHandler.idsOf(commands, (command) -> (command instanceof ReserveInventory reserve)
						? lines(reserve.lines()).stream().map(SkuQuantity::sku).toList() : List.<Sku>of()));
	}

	@Override
	public void apply(ConsumerRecord<String, byte[]> record, InventoryCommand command) {
		EventMetadata metadata = this.causes.ofRecord(record);
		try {
			OrderId orderId = OrderId.of(command.orderId().value());
			switch (command) {
				case ReserveInventory reserve -> this.commands.reserve(orderId, lines(reserve.lines()), metadata);
				case ReleaseInventory release -> this.commands.release(orderId, metadata);
				case CreateShipment ship -> this.commands.ship(orderId, destination(ship.destination()), metadata);
				case CancelShipment cancel -> this.commands.cancelShipment(orderId, metadata);
			}
		}
		catch (InvalidStockException ex) {
			throw new InvalidMessageException(
					"Command " + MessageTypes.of(command).name() + " is invalid: " + ex.getMessage(), ex);
		}
	}

	private static List<SkuQuantity> lines(List<StockLine> lines) {
		if (lines == null || lines.isEmpty() || lines.contains(null)) {
			throw new InvalidStockException("lines", "must be a non-empty list of lines");
		}
		return lines.stream()
			.map((line) -> new SkuQuantity(new Sku((line.sku() != null) ? line.sku().value() : null), line.quantity()))
			.toList();
	}

	private static Destination destination(com.example.shop.contracts.Destination destination) {
		if (destination == null) {
			throw new InvalidStockException("destination", "is required");
		}
		return new Destination(destination.name(), destination.street(), destination.city(), destination.postalCode(),
				destination.country());
	}

}
