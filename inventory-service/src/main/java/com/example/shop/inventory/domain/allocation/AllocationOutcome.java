package com.example.shop.inventory.domain.allocation;

import java.time.Instant;
import java.util.List;

import com.example.shop.inventory.domain.SkuQuantity;

/**
 * The answer to a saga command: for a repeated command, the answer of its first outcome
 * again.
 */
public sealed interface AllocationOutcome {

	record Reserved(List<SkuQuantity> lines, Instant reservedAt) implements AllocationOutcome {
	}

	record ReservationFailed(ReservationFailure reason, List<Shortage> shortages,
			Instant failedAt) implements AllocationOutcome {
	}

	/**
	 * @param lines what was given back, empty when nothing was held
	 * @param recalledShipment the tracking number of the shipment the release called back
	 * first, {@code null} when there was none to call back: the saga and the read side
	 * hear of the cancelled shipment too
	 */
	record Released(List<SkuQuantity> lines, Instant releasedAt, String recalledShipment) implements AllocationOutcome {

		/**
		 * A release that called no shipment back.
		 */
		public Released(List<SkuQuantity> lines, Instant releasedAt) {
			this(lines, releasedAt, null);
		}

	}

	record ShipmentCreated(String trackingNumber, Destination destination, List<SkuQuantity> lines,
			Instant shippedAt) implements AllocationOutcome {
	}

	record ShipmentFailed(ShipmentFailure reason, Instant failedAt) implements AllocationOutcome {
	}

	/**
	 * @param trackingNumber the cancelled shipment's, {@code null} when there was none
	 */
	record ShipmentCancelled(String trackingNumber, Instant cancelledAt) implements AllocationOutcome {
	}

}
