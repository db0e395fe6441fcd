package com.example.shop.contracts;

/**
 * What the inventory context accepts from the saga on {@link Topics#INVENTORY_COMMANDS}.
 */
public sealed interface InventoryCommand extends Command
		permits ReserveInventory, ReleaseInventory, CreateShipment, CancelShipment {

}
