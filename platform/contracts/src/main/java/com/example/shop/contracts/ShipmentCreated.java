package com.example.shop.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The order's reserved stock left the shelf for a shipment.
 *
 * @param orderId the order
 * @param trackingNumber the carrier's tracking number
 * @param destination where it goes
 * @param lines what it carries
 * @param shippedAt when
 */
public record ShipmentCreated(OrderId orderId, String trackingNumber, Destination destination, List<StockLine> lines,
		Instant shippedAt) implements InventoryEvent {

}
