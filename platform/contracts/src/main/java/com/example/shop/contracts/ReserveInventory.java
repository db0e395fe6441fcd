package com.example.shop.contracts;

import java.util.List;

/**
 * The saga's command to reserve every line of an order, all or none. Answered by
 * {@link InventoryReserved} or {@link InventoryReservationFailed}.
 *
 * @param orderId the order
 * @param lines what to reserve
 */
public record ReserveInventory(OrderId orderId, List<StockLine> lines) implements InventoryCommand {

}
