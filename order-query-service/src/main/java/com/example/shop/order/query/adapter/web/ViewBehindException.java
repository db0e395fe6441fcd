package com.example.shop.order.query.adapter.web;

/**
 * The view had not reached the version the client asked for within the wait: 503 with
 * {@code Retry-After}.
 */
class ViewBehindException extends RuntimeException {

	private final long currentVersion;

	ViewBehindException(String orderId, long currentVersion, long minVersion) {
		super("The view of order " + orderId + " is at version " + currentVersion + ", not yet " + minVersion
				+ "; retry shortly");
		this.currentVersion = currentVersion;
	}

	long currentVersion() {
		return this.currentVersion;
	}

}
