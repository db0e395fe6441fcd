package com.example.shop.order.command.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

import com.example.shop.order.command.domain.Order;
import com.example.shop.order.command.domain.OrderEvent;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.GroupCommit;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs the commands on orders, each in one transaction with its events and outbox
 * messages. The customer's commands (placing and cancelling an order, over HTTP) go
 * through {@link GroupCommit}: concurrent requests share a transaction and a commit, and
 * each is answered after that commit with its own outcome. The saga's commands join the
 * transaction of the inbox that delivers them.
 */
public class OrderCommands {

	private final AggregateRepository<OrderId, Order, OrderEvent> orders;

	private final IdempotencyKeys idempotencyKeys;

	private final OrderAnnouncements announcements;

	private final Outbox outbox;

	private final TransactionOperations transactions;

	private final GroupCommit groupCommit;

	private final Clock clock;

	public OrderCommands(AggregateRepository<OrderId, Order, OrderEvent> orders, IdempotencyKeys idempotencyKeys,
			OrderAnnouncements announcements, Outbox outbox, TransactionOperations transactions,
			GroupCommit groupCommit, Clock clock) {
		this.orders = orders;
		this.idempotencyKeys = idempotencyKeys;
		this.announcements = announcements;
		this.outbox = outbox;
		this.transactions = transactions;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	/**
	 * Places an order, or returns the one placed earlier under the same idempotency key.
	 * @throws IdempotencyKeyReusedException when the key came with a different request
	 * before
	 */
	public OrderVersion place(PlaceOrder command, EventMetadata metadata) {
		return this.groupCommit.execute(() -> {
			OrderId id = OrderId.newId();
			List<OrderEvent> events = Order.place(id, command.customerId(), command.lines(), command.shippingAddress(),
					now());
			Loaded<OrderId, Order> fresh = new Loaded<>(id, new Order(), 0);
			OrderVersion placed = new OrderVersion(id, events.size());
			if (command.idempotencyKey() != null) {
				var earlier = this.idempotencyKeys.claim(command.idempotencyKey(), command.fingerprint(), placed);
				if (earlier.isPresent()) {
					if (!earlier.get().fingerprint().equals(command.fingerprint())) {
						throw new IdempotencyKeyReusedException(command.idempotencyKey());
					}
					return earlier.get().result();
				}
			}
			save(fresh, events, metadata);
			return placed;
		});
	}

	/**
	 * The customer asks to cancel a pending order, at the version they last saw.
	 * @throws OptimisticConcurrencyException when the order has changed since that
	 * version
	 */
	public OrderVersion requestCancellation(OrderId id, long expectedVersion, EventMetadata metadata) {
		return this.groupCommit
			.execute(() -> change(id, metadata, (order, now) -> order.requestCancellation(now), expectedVersion));
	}

	/**
	 * The saga's commands. Each is idempotent: repeated after it took effect, it changes
	 * nothing and announces the event that ended the order again, so that a saga that
	 * asked twice because the first answer was late still hears one.
	 */
	public OrderVersion confirm(OrderId id, EventMetadata metadata) {
		return change(id, metadata, Order::confirm, -1);
	}

	public OrderVersion reject(OrderId id, String reason, EventMetadata metadata) {
		return change(id, metadata, (order, now) -> order.reject(reason, now), -1);
	}

	public OrderVersion cancel(OrderId id, EventMetadata metadata) {
		return change(id, metadata, Order::cancel, -1);
	}

	/**
	 * Reads these orders with one query for the saga commands about to run in the
	 * caller's transaction, so that each of them then loads its order from memory
	 * ({@link AggregateRepository#preload}).
	 */
	public void preload(Collection<OrderId> ids) {
		this.orders.preload(ids);
	}

	/**
	 * @param expectedVersion the version the caller saw, or -1 for "whatever it is now"
	 */
	private OrderVersion change(OrderId id, EventMetadata metadata,
			BiFunction<Order, Instant, List<OrderEvent>> decision, long expectedVersion) {
		return this.transactions.execute((status) -> {
			Loaded<OrderId, Order> loaded = this.orders.load(id);
			if (loaded.isNew()) {
				throw new OrderNotFoundException(id);
			}
			if (expectedVersion >= 0 && loaded.version() != expectedVersion) {
				throw new OptimisticConcurrencyException(this.orders.streamId(id), expectedVersion, loaded.version());
			}
			List<OrderEvent> events = decision.apply(loaded.aggregate(), now());
			if (events.isEmpty()) {
				loaded.aggregate()
					.ending()
					.ifPresent((ending) -> this.outbox
						.add(this.announcements.announce(id, loaded.version(), List.of(ending), metadata)));
				return new OrderVersion(id, loaded.version());
			}
			return new OrderVersion(id, save(loaded, events, metadata));
		});
	}

	private long save(Loaded<OrderId, Order> loaded, List<OrderEvent> events, EventMetadata metadata) {
		OrderId id = loaded.id();
		return this.orders.save(loaded, events, metadata,
				this.announcements.announce(id, loaded.version() + 1, events, metadata));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
