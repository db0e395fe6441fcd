package com.example.shop.inventory.application;

import java.time.Clock;
import java.util.List;

import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.ConflictRetry;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates and restocks products and reads their stock. A write that loses a race with a
 * concurrent one (a reservation, another restock) is run again on fresh state.
 */
public class ProductCommands {

	private final AggregateRepository<Sku, Product, ProductEvent> products;

	private final TransactionOperations transactions;

	private final ConflictRetry retry;

	private final RestockKeys restockKeys;

	private final Clock clock;

	public ProductCommands(AggregateRepository<Sku, Product, ProductEvent> products, TransactionOperations transactions,
			ConflictRetry retry, RestockKeys restockKeys, Clock clock) {
		this.products = products;
		this.transactions = transactions;
		this.retry = retry;
		this.restockKeys = restockKeys;
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
			Loaded<Sku, Product> loaded = this.products.load(sku);
			List<ProductEvent> events = loaded.aggregate().create(sku, initialStock, this.clock.instant());
			long version = this.products.save(loaded, events, metadata, List.of());
			return new Creation(stock(loaded, version), !events.isEmpty());
		}));
	}

	/**
	 * Receives more units of an existing product. With an idempotency key, the same
	 * restock again adds nothing and answers the product as it is now.
	 * @param idempotencyKey the client's key for this restock, {@code null} for none
	 * @throws ProductNotFoundException when there is no such product
	 * @throws IdempotencyKeyReusedException when the key came with another product or
	 * quantity before
	 */
	public ProductStock restock(Sku sku, int quantity, String idempotencyKey, EventMetadata metadata) {
		return this.retry.run(() -> this.transactions.execute((status) -> {
			// claimed first: a concurrent retry waits here for the first to commit, then
			// loads the product with its restock
			boolean repeated = false;
			if (idempotencyKey != null) {
				var earlier = this.restockKeys.claim(idempotencyKey, sku, quantity);
				if (earlier.isPresent() && !earlier.get().equals(new RestockKeys.Earlier(sku, quantity))) {
					throw new IdempotencyKeyReusedException(idempotencyKey);
				}
				repeated = earlier.isPresent();
			}
			Loaded<Sku, Product> loaded = this.products.load(sku);
			if (!loaded.aggregate().exists()) {
				throw new ProductNotFoundException(sku);
			}
			if (repeated) {
				return stock(loaded, loaded.version());
			}
			long version = this.products.save(loaded, loaded.aggregate().restock(quantity, this.clock.instant()),
					metadata, List.of());
			return stock(loaded, version);
		}));
	}

	/**
	 * @throws ProductNotFoundException when there is no such product
	 */
	public ProductStock find(Sku sku) {
		Loaded<Sku, Product> loaded = this.products.load(sku);
		if (!loaded.aggregate().exists()) {
			throw new ProductNotFoundException(sku);
		}
		return stock(loaded, loaded.version());
	}

	private static ProductStock stock(Loaded<Sku, Product> loaded, long version) {
		return new ProductStock(loaded.aggregate().sku(), loaded.aggregate().levels(), version);
	}

}
