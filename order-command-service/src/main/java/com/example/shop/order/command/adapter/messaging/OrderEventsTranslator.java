package com.example.shop.order.command.adapter.messaging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.contracts.CustomerId;
import com.example.shop.contracts.OrderCancellationRequested;
import com.example.shop.contracts.OrderCancelled;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderLine;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.OrderRejected;
import com.example.shop.contracts.ShippingAddress;
import com.example.shop.contracts.Sku;
import com.example.shop.order.command.application.OrderAnnouncements;
import com.example.shop.order.command.domain.OrderEvent;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.stereotype.Component;

/**
 * Maps each domain event to its integration event of {@code platform/contracts}, keyed by
 * order id, so that a consumer sees one order's events in order.
 */
@Component
class OrderEventsTranslator implements OrderAnnouncements {

	private final MessageCodec codec;

	OrderEventsTranslator(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public List<OutboxMessage> announce(OrderId orderId, long fromVersion, List<OrderEvent> events,
			EventMetadata metadata) {
		var id = new com.example.shop.contracts.OrderId(orderId.toString());
		List<OutboxMessage> messages = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			OrderEvent event = events.get(i);
			com.example.shop.contracts.OrderEvent contract = switch (event) {
				case OrderEvent.OrderPlaced placed -> placed(id, placed);
				case OrderEvent.OrderConfirmed confirmed -> new OrderConfirmed(id, confirmed.confirmedAt());
				case OrderEvent.OrderRejected rejected ->
					new OrderRejected(id, rejected.reason(), rejected.rejectedAt());
				case OrderEvent.OrderCancellationRequested requested ->
					new OrderCancellationRequested(id, requested.requestedAt());
				case OrderEvent.OrderCancelled cancelled -> new OrderCancelled(id, cancelled.cancelledAt());
			};
			messages.add(this.codec.encode(contract, metadata)
				.withHeader(CloudEventHeaders.SEQUENCE, String.valueOf(fromVersion + i)));
		}
		return messages;
	}

	private static OrderPlaced placed(com.example.shop.contracts.OrderId id, OrderEvent.OrderPlaced placed) {
		List<OrderLine> lines = placed.lines()
			.stream()
			.map((line) -> new OrderLine(new Sku(line.sku()), line.quantity(), line.unitPrice()))
			.toList();
		BigDecimal total = lines.stream()
			.map((line) -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new OrderPlaced(id, new CustomerId(placed.customerId().value()), lines, placed.lines().get(0).currency(),
				total, placed.shippingAddress().name(), address(placed.shippingAddress()), placed.placedAt());
	}

	private static ShippingAddress address(com.example.shop.order.command.domain.ShippingAddress address) {
		return new ShippingAddress(address.street(), address.city(), address.postalCode(), address.country());
	}

}
