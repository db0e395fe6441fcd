package com.example.shop.platform.web.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling an operation, from their verified token: what the operation records as
 * the principal of the events it causes, and whose data it may touch.
 *
 * @param name the token's subject: a person's username or a machine client's id
 * @param customerId the customer the token is for ({@code customer_id}), if any
 * @param ownDataOnly whether the caller may call this operation only as a customer, which
 * restricts it to their own data
 */
public record Caller(String name, @Nullable String customerId, boolean ownDataOnly) {

	/**
	 * Whether the caller may act on, or see, this customer's data. An operation answers
	 * another customer's resource as if it did not exist (404), so that a customer learns
	 * nothing of others.
	 */
	public boolean mayActFor(String customerId) {
		return !this.ownDataOnly || customerId.equals(this.customerId);
	}

}
