package com.example.shop.order.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.CustomerId;
import com.example.shop.contracts.Destination;
import com.example.shop.contracts.Event;
import com.example.shop.contracts.InventoryReleased;
import com.example.shop.contracts.InventoryReservationFailed;
import com.example.shop.contracts.InventoryReserved;
import com.example.shop.contracts.OrderCancellationRequested;
import com.example.shop.contracts.OrderCancelled;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderEvent;
import com.example.shop.contracts.OrderId;
import com.example.shop.contracts.OrderLine;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.OrderRejected;
import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentFailed;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.ShipmentFailed;
import com.example.shop.contracts.ShippingAddress;
import com.example.shop.contracts.Shortage;
import com.example.shop.contracts.Sku;
import com.example.shop.contracts.StockLine;

/**
 * Test data: the contract events of one order across the orders, payments and inventory
 * contexts, in the order they happened, each a second after the one before unless
 * {@link #at(Instant)} says when. For example
 * {@code anOrder().placed().charged().reserved().shipped().confirmed()}.
 */
final class OrderHistory {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	private OrderId orderId = new OrderId(UUID.randomUUID().toString());

	private CustomerId customerId = new CustomerId("C-000123");

	private String currency = "EUR";

	private List<OrderLine> lines = List.of(new OrderLine(new Sku("SKU-1"), 2, new BigDecimal("19.99")),
			new OrderLine(new Sku("SKU-2"), 1, new BigDecimal("5.00")));

	private BigDecimal total = new BigDecimal("44.98");

	private final ShippingAddress address = new ShippingAddress("1 Main St", "London", "N1", "GB");

	private Instant clock = T0;

	private final List<Published> events = new ArrayList<>();

	private long version;

	private OrderHistory() {
	}

	/**
	 * An order of 2 x SKU-1 at 19.99 and 1 x SKU-2 at 5.00 EUR (44.98) by C-000123, its
	 * first event at {@link #T0}.
	 */
	static OrderHistory anOrder() {
		return new OrderHistory();
	}

	/**
	 * An event as published: an orders event with its stream version, any other with
	 * none.
	 */
	record Published(Event event, Long version) {
	}

	/**
	 * This order id instead of a random one; call it before the first event.
	 */
	OrderHistory withId(String orderId) {
		this.orderId = new OrderId(orderId);
		return this;
	}

	OrderHistory by(String customerId) {
		this.customerId = new CustomerId(customerId);
		return this;
	}

	/**
	 * One line of one item at this price.
	 */
	OrderHistory withTotal(String amount, String currency) {
		this.total = new BigDecimal(amount);
		this.currency = currency;
		this.lines = List.of(new OrderLine(new Sku("SKU-1"), 1, this.total));
		return this;
	}

	/**
	 * The next event happens at this instant.
	 */
	OrderHistory at(Instant at) {
		this.clock = at;
		return this;
	}

	OrderHistory placed() {
		return order(new OrderPlaced(this.orderId, this.customerId, this.lines, this.currency, this.total, "Ada",
				this.address, tick()));
	}

	OrderHistory confirmed() {
		return order(new OrderConfirmed(this.orderId, tick()));
	}

	OrderHistory rejected(String reason) {
		return order(new OrderRejected(this.orderId, reason, tick()));
	}

	OrderHistory cancellationRequested() {
		return order(new OrderCancellationRequested(this.orderId, tick()));
	}

	OrderHistory cancelled() {
		return order(new OrderCancelled(this.orderId, tick()));
	}

	OrderHistory charged() {
		return other(new PaymentCharged(this.orderId, this.customerId, this.total, this.currency, tick()));
	}

	OrderHistory paymentFailed(String reason) {
		return other(new PaymentFailed(this.orderId, this.customerId, reason, tick()));
	}

	OrderHistory refunded() {
		return other(new PaymentRefunded(this.orderId, this.customerId, this.total, this.currency, tick()));
	}

	/**
	 * The refund of an order that was never charged: nothing given back, no currency.
	 */
	OrderHistory refundedNothing() {
		return other(new PaymentRefunded(this.orderId, this.customerId, BigDecimal.ZERO, null, tick()));
	}

	OrderHistory reserved() {
		return other(new InventoryReserved(this.orderId, stock(), tick()));
	}

	OrderHistory reservationFailed() {
		return other(new InventoryReservationFailed(this.orderId, "INSUFFICIENT_STOCK",
				List.of(new Shortage(new Sku("SKU-1"), this.lines.get(0).quantity(), 0)), tick()));
	}

	OrderHistory released() {
		return other(new InventoryReleased(this.orderId, stock(), tick()));
	}

	OrderHistory shipped() {
		return other(new ShipmentCreated(this.orderId, trackingNumber(), new Destination("Ada", this.address.street(),
				this.address.city(), this.address.postalCode(), this.address.country()), stock(), tick()));
	}

	OrderHistory shipmentFailed(String reason) {
		return other(new ShipmentFailed(this.orderId, reason, tick()));
	}

	OrderHistory shipmentCancelled() {
		return other(new ShipmentCancelled(this.orderId, trackingNumber(), tick()));
	}

	/**
	 * The answer to a cancellation when there was no shipment: no tracking number.
	 */
	OrderHistory shipmentCancelledWithoutShipment() {
		return other(new ShipmentCancelled(this.orderId, null, tick()));
	}

	String orderId() {
		return this.orderId.value();
	}

	String trackingNumber() {
		return "TRK-" + this.orderId.value().substring(0, 8);
	}

	/**
	 * Every event, in the order they happened.
	 */
	List<Published> events() {
		return List.copyOf(this.events);
	}

	List<Published> ordersEvents() {
		return this.events.stream().filter((published) -> published.version() != null).toList();
	}

	/**
	 * The payments and inventory events, in the order they happened.
	 */
	List<Published> otherEvents() {
		return this.events.stream().filter((published) -> published.version() == null).toList();
	}

	/**
	 * The orders events only, as many as have been recorded.
	 */
	long version() {
		return this.version;
	}

	/**
	 * When a contract event happened.
	 */
	static Instant at(Event event) {
		return switch (event) {
			case OrderPlaced e -> e.placedAt();
			case OrderConfirmed e -> e.confirmedAt();
			case OrderRejected e -> e.rejectedAt();
			case OrderCancellationRequested e -> e.requestedAt();
			case OrderCancelled e -> e.cancelledAt();
			case PaymentCharged e -> e.chargedAt();
			case PaymentFailed e -> e.failedAt();
			case PaymentRefunded e -> e.refundedAt();
			case InventoryReserved e -> e.reservedAt();
			case InventoryReservationFailed e -> e.failedAt();
			case InventoryReleased e -> e.releasedAt();
			case ShipmentCreated e -> e.shippedAt();
			case ShipmentFailed e -> e.failedAt();
			case ShipmentCancelled e -> e.cancelledAt();
		};
	}

	private List<StockLine> stock() {
		return this.lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

	private OrderHistory order(OrderEvent event) {
		this.events.add(new Published(event, ++this.version));
		return this;
	}

	private OrderHistory other(Event event) {
		this.events.add(new Published(event, null));
		return this;
	}

	private Instant tick() {
		Instant at = this.clock;
		this.clock = this.clock.plusSeconds(1);
		return at;
	}

}
