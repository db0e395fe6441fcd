package com.example.shop.inventory.application;

import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.product.StockLevels;

/**
 * A product's stock and the version of its stream.
 */
public record ProductStock(Sku sku, StockLevels levels, long version) {

}
