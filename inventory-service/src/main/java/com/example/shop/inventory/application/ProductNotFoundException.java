package com.example.shop.inventory.application;

import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.product.Product;

/**
 * No product has this SKU.
 */
public class ProductNotFoundException extends RuntimeException {

	public ProductNotFoundException(Sku sku) {
		super("Product " + sku + " does not exist");
	}

	public ProductNotFoundException(String sku) {
		super("Product " + sku + " does not exist");
	}

}
