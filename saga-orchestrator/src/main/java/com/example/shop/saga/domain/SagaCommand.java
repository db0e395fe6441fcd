package com.example.shop.saga.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A command the saga sends to a participant. Each is idempotent at its participant: sent
 * again, it is answered with its first outcome again.
 */
public sealed interface SagaCommand {

	/**
	 * The name the saga's history gives this command: the name of the participant's
	 * command. Spelled out, so that renaming a class changes no stored history.
	 */
	default String name() {
		return switch (this) {
			case ChargePayment chargePayment -> "ChargePayment";
			case RefundPayment refundPayment -> "RefundPayment";
			case ReserveInventory reserveInventory -> "ReserveInventory";
			case ReleaseInventory releaseInventory -> "ReleaseInventory";
			case CreateShipment createShipment -> "CreateShipment";
			case CancelShipment cancelShipment -> "CancelShipment";
			case ConfirmOrder confirmOrder -> "ConfirmOrder";
			case RejectOrder rejectOrder -> "RejectOrder";
			case CancelOrder cancelOrder -> "CancelOrder";
		};
	}

	String orderId();

	record ChargePayment(String orderId, String customerId, BigDecimal amount, String currency) implements SagaCommand {
	}

	record RefundPayment(String orderId, String customerId) implements SagaCommand {
	}

	record ReserveInventory(String orderId, List<OrderDetails.Line> lines) implements SagaCommand {
	}

	record ReleaseInventory(String orderId) implements SagaCommand {
	}

	record CreateShipment(String orderId, OrderDetails.Destination destination) implements SagaCommand {
	}

	record CancelShipment(String orderId) implements SagaCommand {
	}

	record ConfirmOrder(String orderId) implements SagaCommand {
	}

	record RejectOrder(String orderId, String reason) implements SagaCommand {
	}

	record CancelOrder(String orderId) implements SagaCommand {
	}

}
