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

	OrderId orderId();

	record ChargePayment(OrderId orderId, String customerId, BigDecimal amount,
			String currency) implements SagaCommand {
	}

	record RefundPayment(OrderId orderId, String customerId) implements SagaCommand {
	}

	record ReserveInventory(OrderId orderId, List<OrderDetails.Line> lines) implements SagaCommand {
	}

	record ReleaseInventory(OrderId orderId) implements SagaCommand {
	}

	record CreateShipment(OrderId orderId, OrderDetails.Destination destination) implements SagaCommand {
	}

	record CancelShipment(OrderId orderId) implements SagaCommand {
	}

	record ConfirmOrder(OrderId orderId) implements SagaCommand {
	}

	record RejectOrder(OrderId orderId, String reason) implements SagaCommand {
	}

	record CancelOrder(OrderId orderId) implements SagaCommand {
	}

}
