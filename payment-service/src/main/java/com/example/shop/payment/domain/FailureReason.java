package com.example.shop.payment.domain;

/**
 * Why an order could not be charged. The names are the reasons of the payments contract.
 */
public enum FailureReason {

	/** The balance is smaller than the amount. */
	INSUFFICIENT_FUNDS,

	/** The customer has no account. */
	UNKNOWN_ACCOUNT,

	/** The amount is in another currency than the account's. */
	CURRENCY_MISMATCH,

	/** The order was refunded before it was charged; it can no longer be. */
	ORDER_CLOSED

}
