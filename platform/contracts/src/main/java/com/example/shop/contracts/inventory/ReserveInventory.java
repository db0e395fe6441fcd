package com.example.shop.contracts.inventory;

import java.util.List;

/**
 * The saga's command to reserve every line of an order, all or none. Answered by
 * {@link InventoryReserved} or {@link InventoryReservationFailed}.
 *
 * @param orderId the order
 * @param lines what to reserve
 */
public record ReserveInventory(String orderId, List<StockLine> lines) {

}
