package com.example.shop.contracts;

/**
 * The saga's command to give back what is held for an order, cancelling its shipment
 * first if there is one. Answered by {@link InventoryReleased}, with no lines when
 * nothing was held; after it the order can no longer reserve, so a reservation command
 * that arrives late fails.
 *
 * @param orderId the order
 */
public record ReleaseInventory(OrderId orderId) implements InventoryCommand {

}
