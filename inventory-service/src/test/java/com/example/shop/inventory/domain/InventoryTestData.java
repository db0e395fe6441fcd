package com.example.shop.inventory.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.example.shop.inventory.domain.allocation.AllocationEvent;
import com.example.shop.inventory.domain.allocation.Destination;
import com.example.shop.inventory.domain.allocation.OrderAllocation;
import com.example.shop.inventory.domain.allocation.ShipmentFailure;
import com.example.shop.inventory.domain.allocation.Shortage;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;

/**
 * Builds products and order allocations for tests from the events that made them:
 * {@code aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build()},
 * {@code anAllocation().reserved(line("SKU-1", 2)).shipped("TRK-1", "DE").build()}.
 */
public final class InventoryTestData {

	public static final Instant EARLIER = Instant.parse("2026-11-27T09:00:00Z");

	public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	public static final OrderId ORDER = OrderId.of("3f1c2b9e-2a51-4c55-9d3e-6c1f0e9a7b21");

	private InventoryTestData() {
	}

	public static Sku sku(String value) {
		return new Sku(value);
	}

	public static SkuQuantity line(String sku, int quantity) {
		return new SkuQuantity(new Sku(sku), quantity);
	}

	public static Destination destination(String country) {
		return new Destination("Ada Lovelace", "1 Analytical St", "Berlin", "10115", country);
	}

	public static ProductBuilder aProduct(String sku) {
		return new ProductBuilder(new Sku(sku));
	}

	public static AllocationBuilder anAllocation() {
		return new AllocationBuilder();
	}

	/**
	 * The products by SKU, as a decision of {@link OrderAllocation} receives them.
	 */
	public static Map<Sku, Product> stock(Product... products) {
		Map<Sku, Product> stock = new TreeMap<>();
		for (Product product : products) {
			stock.put(product.sku(), product);
		}
		return stock;
	}

	/**
	 * Applies events to a product, as saving them would.
	 */
	public static Product applied(Product product, List<ProductEvent> events) {
		events.forEach(product::apply);
		return product;
	}

	public static final class ProductBuilder {

		private final Sku sku;

		private final List<ProductEvent> events = new ArrayList<>();

		private ProductBuilder(Sku sku) {
			this.sku = sku;
		}

		public ProductBuilder withStock(int initialStock) {
			this.events.add(new ProductEvent.ProductCreated(this.sku, initialStock, EARLIER));
			return this;
		}

		public ProductBuilder restocked(int quantity) {
			this.events.add(new ProductEvent.Restocked(quantity, EARLIER));
			return this;
		}

		public ProductBuilder reservedFor(OrderId order, int quantity) {
			this.events.add(new ProductEvent.StockReserved(order, quantity));
			return this;
		}

		public ProductBuilder shippedFor(OrderId order, int quantity) {
			this.events.add(new ProductEvent.StockShipped(order, quantity));
			return this;
		}

		public List<ProductEvent> events() {
			return List.copyOf(this.events);
		}

		public Product build() {
			return applied(new Product(), this.events);
		}

	}

	public static final class AllocationBuilder {

		private final List<AllocationEvent> events = new ArrayList<>();

		private AllocationBuilder() {
		}

		public AllocationBuilder reserved(SkuQuantity... lines) {
			this.events.add(new AllocationEvent.ReservationMade(List.of(lines), EARLIER));
			return this;
		}

		public AllocationBuilder refused(Shortage... shortages) {
			this.events.add(new AllocationEvent.ReservationRefused(List.of(shortages), EARLIER));
			return this;
		}

		public AllocationBuilder shipped(String trackingNumber, String country) {
			this.events.add(new AllocationEvent.ShipmentDispatched(trackingNumber, destination(country), EARLIER));
			return this;
		}

		public AllocationBuilder shipmentRefused() {
			this.events.add(new AllocationEvent.ShipmentRefused(ShipmentFailure.UNSERVED_DESTINATION, EARLIER));
			return this;
		}

		public AllocationBuilder shipmentRecalled(String trackingNumber) {
			this.events.add(new AllocationEvent.ShipmentRecalled(trackingNumber, EARLIER));
			return this;
		}

		public AllocationBuilder released(SkuQuantity... lines) {
			this.events.add(new AllocationEvent.ReservationReleased(List.of(lines), EARLIER));
			return this;
		}

		public OrderAllocation build() {
			OrderAllocation allocation = new OrderAllocation();
			this.events.forEach(allocation::apply);
			return allocation;
		}

	}

}
