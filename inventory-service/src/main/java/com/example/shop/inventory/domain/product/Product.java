package com.example.shop.inventory.domain.product;

import java.time.Instant;
import java.util.List;

import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.StockStateException;
import com.example.shop.inventory.domain.product.ProductEvent.ProductCreated;
import com.example.shop.inventory.domain.product.ProductEvent.Restocked;
import com.example.shop.inventory.domain.product.ProductEvent.ShippedStockRecalled;
import com.example.shop.inventory.domain.product.ProductEvent.StockReleased;
import com.example.shop.inventory.domain.product.ProductEvent.StockReserved;
import com.example.shop.inventory.domain.product.ProductEvent.StockShipped;
import com.example.shop.platform.eventing.aggregate.Aggregate;

/**
 * The stock of one SKU, rebuilt from its events (or from a snapshot and the events after
 * it: a busy product's stream is long). Decisions return events; {@link #apply} only
 * changes state. Invariants: no level is ever negative, and
 * {@code available + reserved + shipped = received}.
 * <p>
 * Creating and restocking are public decisions; the movements for orders (reserve,
 * release, ship, recall) are decided by
 * {@link com.example.shop.inventory.domain.allocation.OrderAllocation}, which knows what
 * each order holds.
 */
public final class Product implements Aggregate<ProductEvent> {

	private Sku sku;

	private int initialStock;

	private int available;

	private int reserved;

	private int shipped;

	private int received;

	/**
	 * A product as a snapshot recorded it.
	 */
	public static Product restore(Sku sku, int initialStock, StockLevels levels) {
		Product product = new Product();
		product.sku = sku;
		product.initialStock = initialStock;
		product.available = levels.available();
		product.reserved = levels.reserved();
		product.shipped = levels.shipped();
		product.received = levels.received();
		return product;
	}

	/**
	 * Creates the product with its initial stock. Creating it again with the same initial
	 * stock changes nothing.
	 * @throws ProductExistsException when it exists with another initial stock
	 */
	public List<ProductEvent> create(Sku sku, int initialStock, Instant now) {
		if (initialStock < 0) {
			throw new InvalidStockException("stock", "must not be negative");
		}
		if (exists()) {
			if (this.initialStock != initialStock) {
				throw new ProductExistsException(this.sku, this.initialStock);
			}
			return List.of();
		}
		return List.of(new ProductCreated(sku, initialStock, now));
	}

	/**
	 * Receives more units: they are available at once.
	 * @throws InvalidStockException when the quantity is not positive or would raise the
	 * units received beyond what is countable
	 */
	public List<ProductEvent> restock(int quantity, Instant now) {
		requireExists();
		if (quantity <= 0) {
			throw new InvalidStockException("quantity", "must be positive");
		}
		if (this.received > Integer.MAX_VALUE - quantity) {
			throw new InvalidStockException("quantity", "would raise the units received above " + Integer.MAX_VALUE);
		}
		return List.of(new Restocked(quantity, now));
	}

	public List<ProductEvent> reserve(OrderId orderId, int quantity) {
		requireExists();
		if (quantity > this.available) {
			throw new StockStateException(
					"Cannot reserve " + quantity + " of " + this.sku + ": " + this.available + " available");
		}
		return List.of(new StockReserved(orderId, quantity));
	}

	public List<ProductEvent> release(OrderId orderId, int quantity) {
		requireReserved(quantity);
		return List.of(new StockReleased(orderId, quantity));
	}

	public List<ProductEvent> ship(OrderId orderId, int quantity) {
		requireReserved(quantity);
		return List.of(new StockShipped(orderId, quantity));
	}

	public List<ProductEvent> recall(OrderId orderId, int quantity) {
		requireShipped(quantity);
		return List.of(new ShippedStockRecalled(orderId, quantity));
	}

	/**
	 * Calls a shipment back and releases its units: shipped → reserved → available.
	 */
	public List<ProductEvent> recallAndRelease(OrderId orderId, int quantity) {
		requireShipped(quantity);
		return List.of(new ShippedStockRecalled(orderId, quantity), new StockReleased(orderId, quantity));
	}

	private void requireExists() {
		if (!exists()) {
			throw new StockStateException("The product does not exist");
		}
	}

	private void requireReserved(int quantity) {
		requireExists();
		if (quantity > this.reserved) {
			throw new StockStateException(
					"Only " + this.reserved + " of " + this.sku + " are reserved, not " + quantity);
		}
	}

	private void requireShipped(int quantity) {
		requireExists();
		if (quantity > this.shipped) {
			throw new StockStateException("Only " + this.shipped + " of " + this.sku + " are shipped, not " + quantity);
		}
	}

	@Override
	public void apply(ProductEvent event) {
		switch (event) {
			case ProductCreated created -> {
				this.sku = created.sku();
				this.initialStock = created.initialStock();
				this.available = created.initialStock();
				this.received = created.initialStock();
			}
			case Restocked restocked -> {
				this.available += restocked.quantity();
				this.received += restocked.quantity();
			}
			case StockReserved moved -> {
				this.available -= moved.quantity();
				this.reserved += moved.quantity();
			}
			case StockReleased moved -> {
				this.reserved -= moved.quantity();
				this.available += moved.quantity();
			}
			case StockShipped moved -> {
				this.reserved -= moved.quantity();
				this.shipped += moved.quantity();
			}
			case ShippedStockRecalled moved -> {
				this.shipped -= moved.quantity();
				this.reserved += moved.quantity();
			}
		}
	}

	public boolean exists() {
		return this.sku != null;
	}

	/**
	 * {@code null} before the product is created.
	 */
	public Sku sku() {
		return this.sku;
	}

	public int initialStock() {
		return this.initialStock;
	}

	public int available() {
		return this.available;
	}

	public StockLevels levels() {
		return new StockLevels(this.available, this.reserved, this.shipped, this.received);
	}

}
