package com.example.shop.order.command.adapter.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code GET /orders/{orderId}/history}: the order as it was at {@code asOf}
 * and the events that made it so.
 *
 * @param state {@code null} when the order did not exist yet at {@code asOf}
 */
record OrderHistoryResponse(String orderId, Instant asOf, long version, State state, List<Event> events) {

	record State(String status, String customerId, List<Line> lines, String currency, BigDecimal total,
			Address shippingAddress, Instant placedAt, String rejectionReason) {
	}

	record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	record Address(String name, String street, String city, String postalCode, String country) {
	}

	record Event(long version, String type, int schemaVersion, Instant timestamp, JsonNode data,
			Map<String, String> metadata) {
	}

}
