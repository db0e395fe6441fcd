package com.example.shop.payment.application;

import com.example.shop.payment.domain.CustomerId;

/**
 * The customer has no account.
 */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(CustomerId customerId) {
		super("Customer " + customerId + " has no account");
	}

}
