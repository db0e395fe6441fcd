package com.example.shop.contracts;

/**
 * What the inventory context publishes on {@link Topics#INVENTORY_EVENTS}: the outcome of
 * each saga command.
 */
public sealed interface InventoryEvent extends Event permits InventoryReserved, InventoryReservationFailed,
		InventoryReleased, ShipmentCreated, ShipmentFailed, ShipmentCancelled {

}
