package com.example.shop.platform.eventing.aggregate;

import java.util.function.Function;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.SnapshotStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Makes the {@link AggregateRepository} of each kind of aggregate a service has, on the
 * event store, snapshot store, outbox and transactions that every repository shares. A
 * service declares one repository bean per aggregate and names only what is its own:
 * <pre>{@code
 * repositories.of("order", OrderId::toString, Order::new, ORDER_EVENTS)
 * repositories.snapshotted("product", Sku::value, Product::new, PRODUCT_EVENTS, snapshotting)
 * }</pre>
 */
public class AggregateRepositories {

	private final EventStore events;

	private final SnapshotStore snapshots;

	private final Outbox outbox;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	public AggregateRepositories(EventStore events, SnapshotStore snapshots, Outbox outbox, JsonMapper json,
			TransactionOperations transactions) {
		this.events = events;
		this.snapshots = snapshots;
		this.outbox = outbox;
		this.json = json;
		this.transactions = transactions;
	}

	/**
	 * The repository of an aggregate whose streams stay short enough to be replayed
	 * without snapshots.
	 * @param streamType the prefix of its streams' ids, e.g. {@code order}
	 * @param idText the text of an id in its stream's id; it must never change for an
	 * aggregate that has a stream
	 * @param empty a new aggregate, before its first event
	 * @param eventTypes its events under their logical names and schema versions
	 */
	public <I, A extends Aggregate<E>, E> AggregateRepository<I, A, E> of(String streamType,
			Function<? super I, String> idText, Supplier<A> empty, EventTypes<E> eventTypes) {
		return new AggregateRepository<>(streamType, idText, empty, eventTypes, null, this.events, this.snapshots,
				this.outbox, this.json, this.transactions);
	}

	/**
	 * The repository of an aggregate whose streams grow long, snapshotted as
	 * {@code snapshotting} says.
	 */
	public <I, A extends Aggregate<E>, E> AggregateRepository<I, A, E> snapshotted(String streamType,
			Function<? super I, String> idText, Supplier<A> empty, EventTypes<E> eventTypes,
			Snapshotting<A, ?> snapshotting) {
		return new AggregateRepository<>(streamType, idText, empty, eventTypes, snapshotting, this.events,
				this.snapshots, this.outbox, this.json, this.transactions);
	}

}
