package com.example.shop.inventory.application;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import com.example.shop.inventory.domain.Product;
import com.example.shop.inventory.domain.ProductEvent;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates and restocks products and reads their stock. A write that loses a race with a
 * concurrent one (a reservation, another restock) is run again on fresh state.
 */
public class ProductCommands {

	private final AggregateRepository<Product, ProductEvent> products;

	private final TransactionOperations transactions;

	private final ConflictRetry retry;

	private final Clock clock;

	public ProductCommands(AggregateRepository<Product, ProductEvent> products, TransactionOperations transactions,
			ConflictRetry retry, Clock clock) {
		this.products = products;
		this.transactions = transactions;
		this.retry = retry;
		this.clock = clock;
	}

	/**
	 * The product after a create.
	 *
	 * @param created whether this call created it ({@code false}: it existed already with
	 * the same initial stock)
	 */
	public record Creation(ProductStock product, boolean created) {

	}

	/**
	 * Creates a product with its initial stock; the same again changes nothing.
	 * @throws com.example.shop.inventory.domain.ProductExistsException when it exists
	 * with another initial stock
	 */
	public Creation create(Sku sku, int initialStock, EventMetadata metadata) {
		return this.retry.run(() -> this.transactions.execute((status) -> {
			Loaded<Product> loaded = this.products.load(sku.value());
			List<ProductEvent> events = loaded.aggregate().create(sku, initialStock, this.clock.instant());
			long version = this.products.save(loaded, events, metadata, List.of());
			return new Creation(stock(loaded, version), !events.isEmpty());
		}));
	}

	/**
	 * Receives more units of an existing product.
	 * @throws ProductNotFoundException when there is no such product
	 */
	public ProductStock restock(Sku sku, int quantity, EventMetadata metadata) {
		return change(sku, (product) -> product.restock(quantity, this.clock.instant()), metadata);
	}

	/**
	 * @throws ProductNotFoundException when there is no such product
	 */
	public ProductStock find(Sku sku) {
		Loaded<Product> loaded = this.products.load(sku.value());
		if (!loaded.aggregate().exists()) {
			throw new ProductNotFoundException(sku);
		}
		return stock(loaded, loaded.version());
	}

	private ProductStock change(Sku sku, Function<Product, List<ProductEvent>> decision, EventMetadata metadata) {
		return this.retry.run(() -> this.transactions.execute((status) -> {
			Loaded<Product> loaded = this.products.load(sku.value());
			if (!loaded.aggregate().exists()) {
				throw new ProductNotFoundException(sku);
			}
			long version = this.products.save(loaded, decision.apply(loaded.aggregate()), metadata, List.of());
			return stock(loaded, version);
		}));
	}

	private static ProductStock stock(Loaded<Product> loaded, long version) {
		return new ProductStock(loaded.aggregate().sku(), loaded.aggregate().levels(), version);
	}

}
