package com.example.shop.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Every line of the order is held for it.
 *
 * @param orderId the order
 * @param lines what is held
 * @param reservedAt when
 */
public record InventoryReserved(OrderId orderId, List<StockLine> lines, Instant reservedAt) implements InventoryEvent {

}
