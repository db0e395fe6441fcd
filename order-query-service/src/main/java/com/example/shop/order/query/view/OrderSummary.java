package com.example.shop.order.query.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The customer's view of one order, a document in {@code order_summaries}.
 *
 * @param id the order id
 * @param version the order stream version of the last event applied
 * @param timeline what happened when, oldest first
 */
public record OrderSummary(String id, String customerId, String status, List<Line> lines, String currency,
		BigDecimal total, Address shippingAddress, String rejectionReason, Instant placedAt, Instant updatedAt,
		long version, List<Step> timeline) {

	public static final String COLLECTION = "order_summaries";

	public record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	public record Address(String name, String street, String city, String postalCode, String country) {
	}

	public record Step(Instant at, String event, long version) {
	}

}
