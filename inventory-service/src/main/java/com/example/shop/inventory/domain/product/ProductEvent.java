package com.example.shop.inventory.domain.product;

import java.time.Instant;

import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;

/**
 * What happened to the stock of one product. Private to this service.
 */
public sealed interface ProductEvent {

	record ProductCreated(Sku sku, int initialStock, Instant createdAt) implements ProductEvent {
	}

	record Restocked(int quantity, Instant restockedAt) implements ProductEvent {
	}

	/** Available → reserved, for an order. */
	record StockReserved(OrderId orderId, int quantity) implements ProductEvent {
	}

	/** Reserved → available: the order gave back what it held. */
	record StockReleased(OrderId orderId, int quantity) implements ProductEvent {
	}

	/** Reserved → shipped: the order's shipment left the shelf. */
	record StockShipped(OrderId orderId, int quantity) implements ProductEvent {
	}

	/** Shipped → reserved: the order's shipment was called back. */
	record ShippedStockRecalled(OrderId orderId, int quantity) implements ProductEvent {
	}

}
