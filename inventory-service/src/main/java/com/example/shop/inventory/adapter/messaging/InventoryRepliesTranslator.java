package com.example.shop.inventory.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Destination;
import com.example.shop.contracts.InventoryEvent;
import com.example.shop.contracts.InventoryReleased;
import com.example.shop.contracts.InventoryReservationFailed;
import com.example.shop.contracts.InventoryReserved;
import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.ShipmentFailed;
import com.example.shop.contracts.Shortage;
import com.example.shop.contracts.Sku;
import com.example.shop.contracts.StockLine;
import com.example.shop.inventory.application.AllocationReplies;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.inventory.domain.allocation.AllocationOutcome;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.stereotype.Component;

/**
 * Maps each answer to its integration events of {@code platform/contracts}, keyed by
 * order id, so that the saga sees one order's answers in order. The metadata carries the
 * command's correlation id and the command's message id as causation.
 */
@Component
class InventoryRepliesTranslator implements AllocationReplies {

	private final MessageCodec codec;

	InventoryRepliesTranslator(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public List<OutboxMessage> replies(OrderId orderId, AllocationOutcome outcome, EventMetadata metadata) {
		var id = new com.example.shop.contracts.OrderId(orderId.toString());
		if (outcome instanceof AllocationOutcome.Released released && released.recalledShipment() != null) {
			// the shipment first, in the same partition: the manifest and the order
			// summary mark it cancelled, and a saga that waited for it hears of it
			return List.of(
					this.codec.encode(new ShipmentCancelled(id, released.recalledShipment(), released.releasedAt()),
							metadata),
					this.codec.encode(new InventoryReleased(id, lines(released.lines()), released.releasedAt()),
							metadata));
		}
		InventoryEvent reply = switch (outcome) {
			case AllocationOutcome.Reserved reserved ->
				new InventoryReserved(id, lines(reserved.lines()), reserved.reservedAt());
			case AllocationOutcome.ReservationFailed failed ->
				new InventoryReservationFailed(id, failed.reason().name(),
						failed.shortages()
							.stream()
							.map((s) -> new Shortage(new Sku(s.sku().value()), s.requested(), s.available()))
							.toList(),
						failed.failedAt());
			case AllocationOutcome.Released released ->
				new InventoryReleased(id, lines(released.lines()), released.releasedAt());
			case AllocationOutcome.ShipmentCreated created -> new ShipmentCreated(id, created.trackingNumber(),
					destination(created.destination()), lines(created.lines()), created.shippedAt());
			case AllocationOutcome.ShipmentFailed failed ->
				new ShipmentFailed(id, failed.reason().name(), failed.failedAt());
			case AllocationOutcome.ShipmentCancelled cancelled ->
				new ShipmentCancelled(id, cancelled.trackingNumber(), cancelled.cancelledAt());
		};
		return List.of(this.codec.encode(reply, metadata));
	}

	private static List<StockLine> lines(List<SkuQuantity> lines) {
		return lines.stream().map((line) -> new StockLine(new Sku(line.sku().value()), line.quantity())).toList();
	}

	private static Destination destination(com.example.shop.inventory.domain.allocation.Destination destination) {
		return new Destination(destination.name(), destination.street(), destination.city(), destination.postalCode(),
				destination.country());
	}

}
