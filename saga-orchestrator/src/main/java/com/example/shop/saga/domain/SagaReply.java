package com.example.shop.saga.domain;

/**
 * What a participant, or the order itself, answered or announced. Only what the saga
 * decides on is kept.
 */
public sealed interface SagaReply {

	record PaymentCharged() implements SagaReply {
	}

	record PaymentFailed(String reason) implements SagaReply {
	}

	record PaymentRefunded() implements SagaReply {
	}

	record InventoryReserved() implements SagaReply {
	}

	record InventoryReservationFailed(String reason) implements SagaReply {
	}

	record InventoryReleased() implements SagaReply {
	}

	record ShipmentCreated(String trackingNumber) implements SagaReply {
	}

	record ShipmentFailed(String reason) implements SagaReply {
	}

	record ShipmentCancelled() implements SagaReply {
	}

	record OrderCancellationRequested() implements SagaReply {
	}

	record OrderConfirmed() implements SagaReply {
	}

	record OrderRejected() implements SagaReply {
	}

	record OrderCancelled() implements SagaReply {
	}

}
