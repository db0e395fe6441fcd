package com.example.shop.order.command.domain;

import java.time.Instant;
import java.util.List;

/**
 * What happened to an order. Private to this service: other services see the integration
 * events of {@code platform/contracts}.
 */
public sealed interface OrderEvent {

	record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, ShippingAddress shippingAddress,
			Instant placedAt) implements OrderEvent {
	}

	record OrderConfirmed(Instant confirmedAt) implements OrderEvent {
	}

	record OrderRejected(String reason, Instant rejectedAt) implements OrderEvent {
	}

	record OrderCancellationRequested(Instant requestedAt) implements OrderEvent {
	}

	record OrderCancelled(Instant cancelledAt) implements OrderEvent {
	}

}
