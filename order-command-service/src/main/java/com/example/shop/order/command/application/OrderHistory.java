package com.example.shop.order.command.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.example.shop.order.command.domain.CustomerId;
import com.example.shop.order.command.domain.Order;
import com.example.shop.order.command.domain.OrderEvent;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.RecordedEvent;

/**
 * The audit trail of an order and its state as it was at an instant, rebuilt by replaying
 * its events up to then (a temporal query).
 */
public class OrderHistory {

	private final AggregateRepository<OrderId, Order, OrderEvent> orders;

	private final EventStore events;

	public OrderHistory(AggregateRepository<OrderId, Order, OrderEvent> orders, EventStore events) {
		this.orders = orders;
		this.events = events;
	}

	/**
	 * @param state the order as of the instant ({@code isNew()} when it did not exist
	 * yet)
	 * @param events its events up to the instant, with their metadata
	 */
	public record Trail(Loaded<OrderId, Order> state, List<RecordedEvent> events) {

	}

	/**
	 * Whose the order is, if it exists.
	 */
	public Optional<CustomerId> customerOf(OrderId id) {
		Loaded<OrderId, Order> loaded = this.orders.load(id);
		return loaded.isNew() ? Optional.empty() : Optional.of(loaded.aggregate().customerId());
	}

	/**
	 * @throws OrderNotFoundException when the order has no events at all
	 */
	public Trail asOf(OrderId id, Instant asOf) {
		String stream = this.orders.streamId(id);
		if (this.events.currentVersion(stream) == 0) {
			throw new OrderNotFoundException(id);
		}
		return new Trail(this.orders.loadAsOf(id, asOf), this.events.readStreamAsOf(stream, asOf));
	}

}
