package com.example.shop.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Nothing was reserved for the order.
 *
 * @param orderId the order
 * @param reason {@code INSUFFICIENT_STOCK} (see {@code shortages}) or
 * {@code ORDER_CLOSED} (released before it was reserved)
 * @param shortages the products that were short
 * @param failedAt when
 */
public record InventoryReservationFailed(OrderId orderId, String reason, List<Shortage> shortages,
		Instant failedAt) implements InventoryEvent {

}
