package com.example.shop.contracts;

/**
 * The saga's command to call back an order's shipment: its stock goes back to reserved.
 * Answered by {@link ShipmentCancelled}, with no tracking number when there was no
 * shipment.
 *
 * @param orderId the order
 */
public record CancelShipment(OrderId orderId) implements InventoryCommand {

}
