package com.example.shop.inventory.domain.allocation;

/**
 * Why no shipment was created for an order.
 */
public enum ShipmentFailure {

	/** The warehouse does not ship to the destination's country. */
	UNSERVED_DESTINATION,

	/** Nothing is reserved for the order. */
	NOT_RESERVED

}
