package com.example.shop.contracts;

import java.time.Instant;

/**
 * The order's shipment was called back, or there was none.
 *
 * @param orderId the order
 * @param trackingNumber the cancelled shipment's tracking number, {@code null} when there
 * was none
 * @param cancelledAt when
 */
public record ShipmentCancelled(OrderId orderId, String trackingNumber, Instant cancelledAt) implements InventoryEvent {

}
