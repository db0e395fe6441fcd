package com.example.shop.order.command.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds orders for tests: {@code anOrder().withLines(...).placedEvent()}.
 */
public final class OrderTestData {

	public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private OrderId id = OrderId.of("3f1c2b9e-2a51-4c55-9d3e-6c1f0e9a7b21");

	private CustomerId customerId = new CustomerId("C-000123");

	private List<OrderLine> lines = new ArrayList<>(List.of(line("SKU-1", 2, "19.99", "EUR")));

	private ShippingAddress address = new ShippingAddress("Ada Lovelace", "1 Analytical St", "London", "N1 9GU", "GB");

	private OrderTestData() {
	}

	public static OrderTestData anOrder() {
		return new OrderTestData();
	}

	public static OrderLine line(String sku, int quantity, String price, String currency) {
		return new OrderLine(sku, quantity, new BigDecimal(price), currency);
	}

	public OrderTestData withLines(OrderLine... lines) {
		this.lines = new ArrayList<>(List.of(lines));
		return this;
	}

	public OrderTestData withLines(List<OrderLine> lines) {
		this.lines = new ArrayList<>(lines);
		return this;
	}

	public List<OrderEvent> place() {
		return Order.place(this.id, this.customerId, this.lines, this.address, NOW);
	}

	public OrderEvent placedEvent() {
		return place().get(0);
	}

}
