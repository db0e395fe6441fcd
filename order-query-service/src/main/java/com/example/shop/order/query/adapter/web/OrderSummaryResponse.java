package com.example.shop.order.query.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.example.shop.order.query.summary.OrderSummary;

/**
 * The body of {@code GET /orders/{orderId}}: the order, what became of its payment, stock
 * reservation and shipment ({@code null} while nothing was reported), and a compact
 * timeline of every event, oldest first.
 */
record OrderSummaryResponse(String orderId, String customerId, String status, List<OrderSummary.Line> lines,
		String currency, BigDecimal total, OrderSummary.Address shippingAddress, String rejectionReason,
		Instant placedAt, Instant updatedAt, long version, Payment payment, Reservation reservation, Shipment shipment,
		List<OrderSummary.Step> timeline) {

	/**
	 * @param status {@code CHARGED}, {@code FAILED} or {@code REFUNDED}
	 * @param amount what was charged, {@code null} when nothing was
	 * @param refundedAmount what was given back, {@code null} before a refund
	 */
	record Payment(String status, BigDecimal amount, String currency, String failureReason, BigDecimal refundedAmount) {
	}

	/**
	 * @param status {@code RESERVED}, {@code FAILED} or {@code RELEASED}
	 */
	record Reservation(String status, List<OrderSummary.StockLine> lines, String failureReason,
			List<OrderSummary.Shortage> shortages) {
	}

	/**
	 * @param status {@code CREATED}, {@code FAILED} or {@code CANCELLED}
	 */
	record Shipment(String status, String trackingNumber, String failureReason) {
	}

	static OrderSummaryResponse of(OrderSummary summary) {
		OrderSummary.Payment payment = summary.payment();
		OrderSummary.Reservation reservation = summary.reservation();
		OrderSummary.Shipment shipment = summary.shipment();
		return new OrderSummaryResponse(summary.id(), summary.customerId(), summary.status(), summary.lines(),
				summary.currency(), summary.total(), summary.shippingAddress(), summary.rejectionReason(),
				summary.placedAt(), summary.updatedAt(), summary.version(),
				(payment != null) ? new Payment(payment.status(), payment.chargedAmount(), payment.currency(),
						payment.failureReason(), payment.refundedAmount()) : null,
				(reservation != null) ? new Reservation(reservation.status(), reservation.lines(),
						reservation.failureReason(), reservation.shortages()) : null,
				(shipment != null)
						? new Shipment(shipment.status(), shipment.trackingNumber(), shipment.failureReason()) : null,
				summary.compactTimeline());
	}

}
