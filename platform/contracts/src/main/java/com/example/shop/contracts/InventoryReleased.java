package com.example.shop.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What was held for the order is available again.
 *
 * @param orderId the order
 * @param lines what was given back, empty when nothing was held
 * @param releasedAt when
 */
public record InventoryReleased(OrderId orderId, List<StockLine> lines, Instant releasedAt) implements InventoryEvent {

}
