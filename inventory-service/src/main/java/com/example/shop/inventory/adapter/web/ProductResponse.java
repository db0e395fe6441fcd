package com.example.shop.inventory.adapter.web;

import com.example.shop.inventory.application.ProductStock;

/**
 * A product's stock. {@code available + reserved + shipped = received}.
 *
 * @param available free to reserve
 * @param reserved held for orders
 * @param shipped left with orders' shipments
 * @param received every unit ever received
 * @param version the version of the product's stream, also its {@code ETag}
 */
record ProductResponse(String sku, int available, int reserved, int shipped, int received, long version) {

	static ProductResponse of(ProductStock stock) {
		var levels = stock.levels();
		return new ProductResponse(stock.sku().value(), levels.available(), levels.reserved(), levels.shipped(),
				levels.received(), stock.version());
	}

}
