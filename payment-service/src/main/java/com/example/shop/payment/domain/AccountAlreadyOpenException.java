package com.example.shop.payment.domain;

/**
 * The customer has an account already; it is opened once.
 */
public class AccountAlreadyOpenException extends RuntimeException {

	public AccountAlreadyOpenException(CustomerId customerId) {
		super("The account of customer " + customerId + " is open already");
	}

}
