package com.example.shop.contracts;

/**
 * The saga's command to ship what is reserved for an order. Answered by
 * {@link ShipmentCreated} or {@link ShipmentFailed}.
 *
 * @param orderId the order
 * @param destination where it goes
 */
public record CreateShipment(OrderId orderId, Destination destination) implements InventoryCommand {

}
