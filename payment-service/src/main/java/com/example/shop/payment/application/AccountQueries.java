package com.example.shop.payment.application;

import com.example.shop.payment.domain.Account;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;

/**
 * Reads an account as its events have it now: balance, charges, recent movements.
 */
public class AccountQueries {

	private final AggregateRepository<CustomerId, Account, AccountEvent> accounts;

	public AccountQueries(AggregateRepository<CustomerId, Account, AccountEvent> accounts) {
		this.accounts = accounts;
	}

	/**
	 * @throws AccountNotFoundException when the customer has no account
	 */
	public Loaded<CustomerId, Account> find(CustomerId customerId) {
		Loaded<CustomerId, Account> loaded = this.accounts.load(customerId);
		if (loaded.isNew()) {
			throw new AccountNotFoundException(customerId);
		}
		return loaded;
	}

}
