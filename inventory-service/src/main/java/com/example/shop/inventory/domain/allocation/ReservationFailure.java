package com.example.shop.inventory.domain.allocation;

/**
 * Why nothing was reserved for an order.
 */
public enum ReservationFailure {

	/** At least one product had fewer units available than the order wanted. */
	INSUFFICIENT_STOCK,

	/** The order was released before it reserved anything: it can no longer reserve. */
	ORDER_CLOSED

}
