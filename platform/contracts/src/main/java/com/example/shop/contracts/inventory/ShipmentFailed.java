package com.example.shop.contracts.inventory;

import java.time.Instant;

/**
 * No shipment was created for the order; its reservation stands.
 *
 * @param orderId the order
 * @param reason {@code UNSERVED_DESTINATION} or {@code NOT_RESERVED}
 * @param failedAt when
 */
public record ShipmentFailed(String orderId, String reason, Instant failedAt) {

}
