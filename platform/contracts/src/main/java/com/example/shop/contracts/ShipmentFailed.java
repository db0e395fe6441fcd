package com.example.shop.contracts;

import java.time.Instant;

/**
 * No shipment was created for the order; its reservation stands.
 *
 * @param orderId the order
 * @param reason {@code UNSERVED_DESTINATION} or {@code NOT_RESERVED}
 * @param failedAt when
 */
public record ShipmentFailed(OrderId orderId, String reason, Instant failedAt) implements InventoryEvent {

}
