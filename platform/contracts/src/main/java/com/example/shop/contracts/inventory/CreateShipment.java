package com.example.shop.contracts.inventory;

/**
 * The saga's command to ship what is reserved for an order. Answered by
 * {@link ShipmentCreated} or {@link ShipmentFailed}.
 *
 * @param orderId the order
 * @param destination where it goes
 */
public record CreateShipment(String orderId, Destination destination) {

}
