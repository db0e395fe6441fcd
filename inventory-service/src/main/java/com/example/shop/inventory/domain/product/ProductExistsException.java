package com.example.shop.inventory.domain.product;

import com.example.shop.inventory.domain.Sku;

/**
 * A product was to be created with an initial stock other than the one it was created
 * with: stock changes go through restocks.
 */
public class ProductExistsException extends RuntimeException {

	public ProductExistsException(Sku sku, int initialStock) {
		super("Product " + sku + " exists already, with an initial stock of " + initialStock);
	}

}
