package com.example.shop.inventory.domain;

/**
 * A value that breaks a rule of the inventory, e.g. a malformed SKU or a quantity that is
 * not positive.
 */
public class InvalidStockException extends RuntimeException {

	private final String field;

	public InvalidStockException(String field, String message) {
		super(field + " " + message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
