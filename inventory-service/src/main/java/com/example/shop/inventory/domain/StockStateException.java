package com.example.shop.inventory.domain;

/**
 * A stock movement the product's current levels do not allow, e.g. releasing more than is
 * reserved. The order allocations never ask for one; this guards the invariants.
 */
public class StockStateException extends RuntimeException {

	public StockStateException(String message) {
		super(message);
	}

}
