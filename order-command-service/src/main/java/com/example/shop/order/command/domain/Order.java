package com.example.shop.order.command.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.example.shop.order.command.domain.OrderEvent.OrderCancellationRequested;
import com.example.shop.order.command.domain.OrderEvent.OrderCancelled;
import com.example.shop.order.command.domain.OrderEvent.OrderConfirmed;
import com.example.shop.order.command.domain.OrderEvent.OrderPlaced;
import com.example.shop.order.command.domain.OrderEvent.OrderRejected;
import com.example.shop.platform.eventing.aggregate.Aggregate;

/**
 * An order, rebuilt from its events. Decisions ({@link #place},
 * {@link #requestCancellation}, {@link #confirm}, {@link #reject}, {@link #cancel}) check
 * invariants and return the events that record them; {@link #apply} only changes state.
 * Commands from the saga are idempotent: repeating one that already took effect returns
 * no events, and {@link #ending} is the event that took effect.
 */
public final class Order implements Aggregate<OrderEvent> {

	public static final int MAX_LINES = 100;

	private OrderId id;

	private CustomerId customerId;

	private List<OrderLine> lines = List.of();

	private ShippingAddress shippingAddress;

	private OrderStatus status;

	private String rejectionReason;

	private Instant placedAt;

	private OrderEvent ending;

	/**
	 * Places a new order.
	 * @throws InvalidOrderException when it has no line or more than {@value #MAX_LINES},
	 * or lines in more than one currency
	 */
	public static List<OrderEvent> place(OrderId id, CustomerId customerId, List<OrderLine> lines,
			ShippingAddress shippingAddress, Instant now) {
		if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
			throw new InvalidOrderException("lines", "must have between 1 and " + MAX_LINES + " lines");
		}
		if (lines.stream().map(OrderLine::currency).distinct().count() > 1) {
			throw new InvalidOrderException("lines", "must all be in one currency");
		}
		if (shippingAddress == null) {
			throw new InvalidOrderException("shippingAddress", "is required");
		}
		return List.of(new OrderPlaced(id, customerId, List.copyOf(lines), shippingAddress, now));
	}

	/**
	 * The customer asks to cancel; only a pending order can be.
	 */
	public List<OrderEvent> requestCancellation(Instant now) {
		if (this.status != OrderStatus.PENDING) {
			throw new OrderStateException("An order that is " + this.status + " cannot be cancelled");
		}
		return List.of(new OrderCancellationRequested(now));
	}

	public List<OrderEvent> confirm(Instant now) {
		return decideEnd(OrderStatus.CONFIRMED, Set.of(OrderStatus.PENDING, OrderStatus.CANCELLATION_REQUESTED),
				new OrderConfirmed(now));
	}

	public List<OrderEvent> reject(String reason, Instant now) {
		return decideEnd(OrderStatus.REJECTED, Set.of(OrderStatus.PENDING, OrderStatus.CANCELLATION_REQUESTED),
				new OrderRejected(reason, now));
	}

	public List<OrderEvent> cancel(Instant now) {
		return decideEnd(OrderStatus.CANCELLED, Set.of(OrderStatus.CANCELLATION_REQUESTED), new OrderCancelled(now));
	}

	private List<OrderEvent> decideEnd(OrderStatus target, Set<OrderStatus> from, OrderEvent event) {
		if (this.status == target) {
			return List.of();
		}
		if (!from.contains(this.status)) {
			throw new OrderStateException("An order that is " + this.status + " cannot become " + target);
		}
		return List.of(event);
	}

	@Override
	public void apply(OrderEvent event) {
		switch (event) {
			case OrderPlaced placed -> {
				this.id = placed.orderId();
				this.customerId = placed.customerId();
				this.lines = placed.lines();
				this.shippingAddress = placed.shippingAddress();
				this.placedAt = placed.placedAt();
				this.status = OrderStatus.PENDING;
			}
			case OrderCancellationRequested requested -> this.status = OrderStatus.CANCELLATION_REQUESTED;
			case OrderConfirmed confirmed -> {
				this.status = OrderStatus.CONFIRMED;
				this.ending = confirmed;
			}
			case OrderRejected rejected -> {
				this.status = OrderStatus.REJECTED;
				this.rejectionReason = rejected.reason();
				this.ending = rejected;
			}
			case OrderCancelled cancelled -> {
				this.status = OrderStatus.CANCELLED;
				this.ending = cancelled;
			}
		}
	}

	public OrderId id() {
		return this.id;
	}

	public CustomerId customerId() {
		return this.customerId;
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	public ShippingAddress shippingAddress() {
		return this.shippingAddress;
	}

	/**
	 * {@code null} before the order is placed.
	 */
	public OrderStatus status() {
		return this.status;
	}

	/**
	 * The event that ended the order: confirmed, rejected or cancelled; empty while it is
	 * open.
	 */
	public Optional<OrderEvent> ending() {
		return Optional.ofNullable(this.ending);
	}

	public String rejectionReason() {
		return this.rejectionReason;
	}

	public Instant placedAt() {
		return this.placedAt;
	}

	public String currency() {
		return this.lines.isEmpty() ? null : this.lines.get(0).currency();
	}

	public BigDecimal total() {
		return this.lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
