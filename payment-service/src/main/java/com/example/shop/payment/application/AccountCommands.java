package com.example.shop.payment.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import com.example.shop.payment.domain.Account;
import com.example.shop.payment.domain.AccountEvent.ChargeOutcome;
import com.example.shop.payment.domain.AccountEvent.RefundOutcome;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.Decision;
import com.example.shop.payment.domain.Money;
import com.example.shop.payment.domain.OrderId;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.ConflictRetry;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs the commands on payment accounts. Each command loads the account, lets it decide
 * and stores its events; a saga command stores its reply in the outbox in the same
 * transaction.
 * <p>
 * The REST commands ({@link #open}, {@link #deposit}) run in transactions of their own
 * and are retried when a charge of the same account won the race, since the client did
 * not ask for a particular version. The saga commands ({@link #charge}, {@link #refund})
 * join the caller's transaction (the inbox's), so the caller retries them.
 */
public class AccountCommands {

	private final AggregateRepository<CustomerId, Account, AccountEvent> accounts;

	private final PaymentReplies replies;

	private final TransactionOperations transactions;

	private final ConflictRetry retry;

	private final Clock clock;

	public AccountCommands(AggregateRepository<CustomerId, Account, AccountEvent> accounts, PaymentReplies replies,
			TransactionOperations transactions, ConflictRetry retry, Clock clock) {
		this.accounts = accounts;
		this.replies = replies;
		this.transactions = transactions;
		this.retry = retry;
		this.clock = clock;
	}

	/**
	 * Opens a customer's account.
	 * @throws com.example.shop.payment.domain.AccountAlreadyOpenException when the
	 * customer has one
	 */
	public AccountBalance open(CustomerId customerId, Money initialBalance, EventMetadata metadata) {
		return this.retry.run(() -> this.transactions.execute((status) -> {
			Loaded<CustomerId, Account> loaded = this.accounts.load(customerId);
			List<AccountEvent> events = loaded.aggregate().open(customerId, initialBalance, this.clock.instant());
			return saved(loaded, events, metadata);
		}));
	}

	/**
	 * Adds money to a customer's balance.
	 * @throws AccountNotFoundException when the customer has no account
	 */
	public AccountBalance deposit(CustomerId customerId, Money amount, EventMetadata metadata) {
		return this.retry.run(() -> this.transactions.execute((status) -> {
			Loaded<CustomerId, Account> loaded = existing(customerId);
			List<AccountEvent> events = loaded.aggregate().deposit(amount, this.clock.instant());
			return saved(loaded, events, metadata);
		}));
	}

	/**
	 * Charges an order and stores the reply, or the reply of the first charge of the
	 * order, in the caller's transaction.
	 * @throws com.example.shop.platform.eventing.store.OptimisticConcurrencyException
	 * when the account changed meanwhile, at the latest when the caller's transaction
	 * commits; that transaction must roll back and run again
	 */
	public Decision<ChargeOutcome> charge(CustomerId customerId, OrderId orderId, Money amount,
			EventMetadata metadata) {
		return this.transactions.execute((status) -> {
			Loaded<CustomerId, Account> loaded = this.accounts.load(customerId);
			Decision<ChargeOutcome> decision = loaded.aggregate().charge(orderId, amount, this.clock.instant());
			answer(loaded, customerId, decision, metadata);
			return decision;
		});
	}

	/**
	 * Refunds an order and stores the reply, or the reply of its first refund, in the
	 * caller's transaction.
	 * @throws com.example.shop.platform.eventing.store.OptimisticConcurrencyException
	 * when the account changed meanwhile, at the latest when the caller's transaction
	 * commits; that transaction must roll back and run again
	 */
	public Decision<RefundOutcome> refund(CustomerId customerId, OrderId orderId, EventMetadata metadata) {
		return this.transactions.execute((status) -> {
			Loaded<CustomerId, Account> loaded = this.accounts.load(customerId);
			Decision<RefundOutcome> decision = loaded.aggregate().refund(orderId, this.clock.instant());
			answer(loaded, customerId, decision, metadata);
			return decision;
		});
	}

	/**
	 * Reads these accounts with one query for the saga commands about to run in the
	 * caller's transaction, so that each of them then loads its account from memory
	 * ({@link AggregateRepository#preload}).
	 */
	public void preload(Collection<CustomerId> customerIds) {
		this.accounts.preload(customerIds);
	}

	private Loaded<CustomerId, Account> existing(CustomerId customerId) {
		Loaded<CustomerId, Account> loaded = this.accounts.load(customerId);
		if (loaded.isNew()) {
			throw new AccountNotFoundException(customerId);
		}
		return loaded;
	}

	private AccountBalance saved(Loaded<CustomerId, Account> loaded, List<AccountEvent> events,
			EventMetadata metadata) {
		long version = this.accounts.save(loaded, events, metadata, List.of());
		Account account = loaded.aggregate();
		return new AccountBalance(account.customerId(), account.balance(), account.currency(), version);
	}

	private void answer(Loaded<CustomerId, Account> loaded, CustomerId customerId, Decision<?> decision,
			EventMetadata metadata) {
		this.accounts.save(loaded, decision.events(), metadata,
				List.of(this.replies.reply(customerId, decision.outcome(), metadata)));
	}

}
