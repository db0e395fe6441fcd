package com.example.shop.inventory.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.Destination;
import com.example.shop.contracts.inventory.InventoryReleased;
import com.example.shop.contracts.inventory.InventoryReservationFailed;
import com.example.shop.contracts.inventory.InventoryReserved;
import com.example.shop.contracts.inventory.ShipmentCancelled;
import com.example.shop.contracts.inventory.ShipmentCreated;
import com.example.shop.contracts.inventory.ShipmentFailed;
import com.example.shop.contracts.inventory.Shortage;
import com.example.shop.contracts.inventory.StockLine;
import com.example.shop.inventory.application.AllocationReplies;
import com.example.shop.inventory.domain.AllocationOutcome;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Maps each answer to its integration events of {@code platform/contracts}, keyed by
 * order id, so that the saga sees one order's answers in order. The metadata carries the
 * command's correlation id and the command's message id as causation.
 */
@Component
class InventoryRepliesTranslator implements AllocationReplies {

	private final JsonMapper json;

	InventoryRepliesTranslator(JsonMapper json) {
		this.json = json;
	}

	@Override
	public List<OutboxMessage> replies(OrderId orderId, AllocationOutcome outcome, EventMetadata metadata) {
		String id = orderId.toString();
		if (outcome instanceof AllocationOutcome.Released released && released.recalledShipment() != null) {
			// the shipment first, in the same partition: the manifest and the order
			// summary mark it cancelled, and a saga that waited for it hears of it
			return List.of(
					message(id, new ShipmentCancelled(id, released.recalledShipment(), released.releasedAt()),
							metadata),
					message(id, new InventoryReleased(id, lines(released.lines()), released.releasedAt()), metadata));
		}
		Object contract = switch (outcome) {
			case AllocationOutcome.Reserved reserved ->
				new InventoryReserved(id, lines(reserved.lines()), reserved.reservedAt());
			case AllocationOutcome.ReservationFailed failed ->
				new InventoryReservationFailed(id, failed.reason().name(),
						failed.shortages()
							.stream()
							.map((s) -> new Shortage(s.sku().value(), s.requested(), s.available()))
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
		return List.of(message(id, contract, metadata));
	}

	private OutboxMessage message(String orderId, Object contract, EventMetadata metadata) {
		return OutboxMessage.of(Topics.INVENTORY_EVENTS, orderId, contract.getClass().getSimpleName(),
				this.json.writeValueAsString(contract), metadata);
	}

	private static List<StockLine> lines(List<SkuQuantity> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku().value(), line.quantity())).toList();
	}

	private static Destination destination(com.example.shop.inventory.domain.Destination destination) {
		return new Destination(destination.name(), destination.street(), destination.city(), destination.postalCode(),
				destination.country());
	}

}
