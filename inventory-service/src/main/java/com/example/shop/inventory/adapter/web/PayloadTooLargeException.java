package com.example.shop.inventory.adapter.web;

/**
 * A request body over the limit: 413 Content Too Large.
 */
class PayloadTooLargeException extends RuntimeException {

	PayloadTooLargeException(long limit) {
		super("The request body is larger than " + limit + " bytes");
	}

}
