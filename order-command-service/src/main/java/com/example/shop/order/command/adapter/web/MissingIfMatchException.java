package com.example.shop.order.command.adapter.web;

/**
 * A conditional request came without {@code If-Match}: 428 Precondition Required.
 */
class MissingIfMatchException extends RuntimeException {

	MissingIfMatchException() {
		super("Send If-Match with the ETag of the order version you saw, e.g. If-Match: \"1\"");
	}

}
