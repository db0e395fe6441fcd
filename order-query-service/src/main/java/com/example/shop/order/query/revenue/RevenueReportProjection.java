package com.example.shop.order.query.revenue;

import java.math.BigDecimal;
import java.util.List;

import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.contracts.Topics;
import com.example.shop.order.query.projection.Projection;
import com.example.shop.order.query.projection.ReceivedEvent;
import com.example.shop.order.query.projection.UtcDay;
import com.example.shop.order.query.projection.ViewIndex;
import com.example.shop.order.query.projection.ViewIndex.Key;
import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;

import org.springframework.stereotype.Component;

/**
 * Builds one {@link OrderRevenue} document per order from {@code OrderPlaced} (total and
 * currency), {@code OrderConfirmed} (the day it counts as revenue) and
 * {@code PaymentRefunded} (the day its refund counts against revenue). Each event sets
 * only its own fields to its own values in one upsert by order id: idempotent and
 * independent of the order of arrival across topics. Whether a refund counts is decided
 * when the report is read (the order must be confirmed), not here, so that a refund that
 * arrives before the confirmation is not lost. Other events are not used.
 */
@Component
class RevenueReportProjection implements Projection {

	@Override
	public String name() {
		return OrderRevenue.PROJECTION;
	}

	@Override
	public String collection() {
		return OrderRevenue.COLLECTION;
	}

	@Override
	public List<String> topics() {
		return List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS);
	}

	@Override
	public List<ViewIndex> indexes() {
		return List.of(ViewIndex.on(Key.ascending("confirmedOn")), ViewIndex.on(Key.ascending("refundedOn")));
	}

	@Override
	public ViewWrite write(ReceivedEvent received) {
		ViewUpdate update = switch (received.event()) {
			case OrderPlaced placed -> new ViewUpdate().set("currency", placed.currency()).set("total", placed.total());
			case OrderConfirmed confirmed -> new ViewUpdate().set("confirmedAt", confirmed.confirmedAt())
				.set("confirmedOn", UtcDay.of(confirmed.confirmedAt()));
			case PaymentRefunded refunded when refunded.amount() != null
					&& refunded.amount().compareTo(BigDecimal.ZERO) > 0 ->
				new ViewUpdate().set("refundedAmount", refunded.amount())
					.set("refundCurrency", refunded.currency())
					.set("refundedAt", refunded.refundedAt())
					.set("refundedOn", UtcDay.of(refunded.refundedAt()));
			default -> null;
		};
		return (update != null) ? ViewWrite.byId(received.orderId(), update) : null;
	}

}
