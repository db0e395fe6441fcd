package com.example.shop.contracts;

/**
 * The saga's command to confirm an order whose payment, reservation and shipment
 * succeeded.
 *
 * @param orderId the order
 */
public record ConfirmOrder(OrderId orderId) implements OrderCommand {

}
