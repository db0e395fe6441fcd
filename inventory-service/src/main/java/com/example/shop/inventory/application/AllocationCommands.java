package com.example.shop.inventory.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.inventory.domain.allocation.AllocationDecision;
import com.example.shop.inventory.domain.allocation.AllocationEvent;
import com.example.shop.inventory.domain.allocation.AllocationOutcome;
import com.example.shop.inventory.domain.allocation.Destination;
import com.example.shop.inventory.domain.allocation.OrderAllocation;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;
import com.example.shop.platform.eventing.AfterCommit;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.ConflictRetry;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs the saga's commands on an order's allocation. Each runs in one transaction (the
 * caller's, when there is one, such as the inbox's): load the allocation and the products
 * it involves, decide, append to each product's stream (in SKU order) and to the
 * allocation's stream, and write the answer to the outbox. The event store checks every
 * stream's version, so a concurrent change to any of them fails the whole transaction and
 * nothing of it is stored; the caller runs it again (see {@link ConflictRetry}).
 */
public class AllocationCommands {

	private final AggregateRepository<OrderId, OrderAllocation, AllocationEvent> allocations;

	private final AggregateRepository<Sku, Product, ProductEvent> products;

	private final AllocationReplies replies;

	private final TransactionOperations transactions;

	private final InventoryMetrics metrics;

	private final Set<String> servedCountries;

	private final Supplier<String> trackingNumbers;

	private final Clock clock;

	/**
	 * @param servedCountries ISO 3166-1 alpha-2 codes of the countries the warehouse
	 * ships to
	 * @param trackingNumbers a new tracking number per call
	 */
	public AllocationCommands(AggregateRepository<OrderId, OrderAllocation, AllocationEvent> allocations,
			AggregateRepository<Sku, Product, ProductEvent> products, AllocationReplies replies,
			TransactionOperations transactions, InventoryMetrics metrics, Set<String> servedCountries,
			Supplier<String> trackingNumbers, Clock clock) {
		this.allocations = allocations;
		this.products = products;
		this.replies = replies;
		this.transactions = transactions;
		this.metrics = metrics;
		this.servedCountries = Set.copyOf(servedCountries);
		this.trackingNumbers = trackingNumbers;
		this.clock = clock;
	}

	/**
	 * Reserves every line of the order, or none.
	 */
	public AllocationOutcome reserve(OrderId orderId, List<SkuQuantity> lines, EventMetadata metadata) {
		return run(orderId, metadata, (allocation) -> lines.stream().map(SkuQuantity::sku).toList(),
				(allocation, stock) -> allocation.reserve(orderId, lines, stock, this.clock.instant()));
	}

	/**
	 * Gives back what the order holds, calling its shipment back first.
	 */
	public AllocationOutcome release(OrderId orderId, EventMetadata metadata) {
		return run(orderId, metadata, OrderAllocation::skus,
				(allocation, stock) -> allocation.release(orderId, stock, this.clock.instant()));
	}

	/**
	 * Ships what is reserved for the order.
	 */
	public AllocationOutcome ship(OrderId orderId, Destination destination, EventMetadata metadata) {
		return run(orderId, metadata, OrderAllocation::skus, (allocation, stock) -> allocation.ship(orderId,
				destination, this.trackingNumbers.get(), this.servedCountries, stock, this.clock.instant()));
	}

	/**
	 * Calls the order's shipment back.
	 */
	public AllocationOutcome cancelShipment(OrderId orderId, EventMetadata metadata) {
		return run(orderId, metadata, OrderAllocation::skus,
				(allocation, stock) -> allocation.cancelShipment(orderId, stock, this.clock.instant()));
	}

	/**
	 * Reads these allocations, and these products, with one query each for the commands
	 * about to run in the caller's transaction, so that each of them then loads them from
	 * memory ({@link AggregateRepository#preload}).
	 */
	public void preload(Collection<OrderId> orderIds, Collection<Sku> skus) {
		this.allocations.preload(orderIds);
		this.products.preload(skus);
	}

	private AllocationOutcome run(OrderId orderId, EventMetadata metadata,
			Function<OrderAllocation, Collection<Sku>> involved, Decider decider) {
		AllocationDecision decided = this.transactions.execute((status) -> {
			Loaded<OrderId, OrderAllocation> allocation = this.allocations.load(orderId);
			SortedMap<Sku, Loaded<Sku, Product>> loaded = new TreeMap<>();
			for (Sku sku : involved.apply(allocation.aggregate())) {
				loaded.computeIfAbsent(sku, (key) -> this.products.load(key));
			}
			Map<Sku, Product> stock = new TreeMap<>();
			loaded.forEach((sku, product) -> stock.put(sku, product.aggregate()));
			AllocationDecision decision = decider.decide(allocation.aggregate(), stock);
			decision.stock().forEach((sku, events) -> this.products.save(loaded.get(sku), events, metadata, List.of()));
			this.allocations.save(allocation, decision.events(), metadata,
					this.replies.replies(orderId, decision.outcome(), metadata));
			return decision;
		});
		AfterCommit.run(() -> this.metrics.decided(decided));
		return decided.outcome();
	}

	@FunctionalInterface
	private interface Decider {

		AllocationDecision decide(OrderAllocation allocation, Map<Sku, Product> stock);

	}

}
