package com.example.shop.saga.domain;

/**
 * What a participant, or the order itself, answered or announced. Only what the saga
 * decides on is kept.
 */
public sealed interface SagaReply {

	/**
	 * The name the saga's history and metrics give this reply: the name of the event it
	 * came from. Spelled out, so that renaming a class changes no stored history.
	 */
	default String name() {
		return switch (this) {
			case PaymentCharged paymentCharged -> "PaymentCharged";
			case PaymentFailed paymentFailed -> "PaymentFailed";
			case PaymentRefunded paymentRefunded -> "PaymentRefunded";
			case InventoryReserved inventoryReserved -> "InventoryReserved";
			case InventoryReservationFailed inventoryReservationFailed -> "InventoryReservationFailed";
			case InventoryReleased inventoryReleased -> "InventoryReleased";
			case ShipmentCreated shipmentCreated -> "ShipmentCreated";
			case ShipmentFailed shipmentFailed -> "ShipmentFailed";
			case ShipmentCancelled shipmentCancelled -> "ShipmentCancelled";
			case OrderCancellationRequested orderCancellationRequested -> "OrderCancellationRequested";
			case OrderConfirmed orderConfirmed -> "OrderConfirmed";
			case OrderRejected orderRejected -> "OrderRejected";
			case OrderCancelled orderCancelled -> "OrderCancelled";
		};
	}

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
