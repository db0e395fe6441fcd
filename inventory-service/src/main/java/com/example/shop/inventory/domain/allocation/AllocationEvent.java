package com.example.shop.inventory.domain.allocation;

import java.time.Instant;
import java.util.List;

import com.example.shop.inventory.domain.SkuQuantity;

/**
 * What happened to one order's allocation: the first outcome of each saga command that
 * changed something. Private to this service.
 */
public sealed interface AllocationEvent {

	/** Every line is held for the order (SKUs merged). */
	record ReservationMade(List<SkuQuantity> lines, Instant reservedAt) implements AllocationEvent {
	}

	/** Nothing was reserved: these products were short. */
	record ReservationRefused(List<Shortage> shortages, Instant refusedAt) implements AllocationEvent {
	}

	/** The reserved lines left the shelf for a shipment. */
	record ShipmentDispatched(String trackingNumber, Destination destination,
			Instant dispatchedAt) implements AllocationEvent {
	}

	/** No shipment was created; the reservation stands. */
	record ShipmentRefused(ShipmentFailure reason, Instant refusedAt) implements AllocationEvent {
	}

	/** The shipment was called back: its lines are reserved again. */
	record ShipmentRecalled(String trackingNumber, Instant recalledAt) implements AllocationEvent {
	}

	/**
	 * What was held is available again (no lines when nothing was held); the order is
	 * closed.
	 *
	 * @param recalledShipment the tracking number of the shipment this release called
	 * back first, {@code null} when it called none back (events stored before this field
	 * existed read as {@code null})
	 */
	record ReservationReleased(List<SkuQuantity> lines, Instant releasedAt,
			String recalledShipment) implements AllocationEvent {

		/**
		 * A release that called no shipment back.
		 */
		public ReservationReleased(List<SkuQuantity> lines, Instant releasedAt) {
			this(lines, releasedAt, null);
		}

	}

}
