package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.shop.payment.domain.AccountEvent.AccountOpened;
import com.example.shop.payment.domain.AccountEvent.ChargeOutcome;
import com.example.shop.payment.domain.AccountEvent.MoneyDeposited;
import com.example.shop.payment.domain.AccountEvent.OrderClosed;
import com.example.shop.payment.domain.AccountEvent.PaymentCharged;
import com.example.shop.payment.domain.AccountEvent.PaymentFailed;
import com.example.shop.payment.domain.AccountEvent.PaymentRefunded;
import com.example.shop.payment.domain.AccountEvent.RefundOutcome;
import com.example.shop.platform.eventing.aggregate.Aggregate;

/**
 * A customer's payment account, rebuilt from its events. Its rules:
 * <ul>
 * <li>the balance never goes below zero: a charge larger than the balance fails with
 * {@link FailureReason#INSUFFICIENT_FUNDS};</li>
 * <li>an order is charged at most once and refunded at most once, and a refund gives back
 * exactly what was charged;</li>
 * <li>a refund of an order that was not charged gives back nothing and closes the order:
 * a charge that arrives after it fails with {@link FailureReason#ORDER_CLOSED};</li>
 * <li>a repeated charge or refund (the saga re-sends a command whose answer it did not
 * get) changes nothing and is answered with the first outcome for the order. That holds
 * after a refund too: a repeated charge of a refunded order is answered with its
 * {@link PaymentCharged}, which tells the saga what happened first; it is never charged
 * again.</li>
 * </ul>
 * Business failures are outcomes ({@link PaymentFailed}), not exceptions; an
 * {@link InvalidAccountException} is input no account could accept.
 */
public final class Account implements Aggregate<AccountEvent> {

	public static final int RECENT_MOVEMENTS = 20;

	private CustomerId customerId;

	private String currency;

	private BigDecimal balance = BigDecimal.ZERO;

	private final Map<OrderId, ChargeOutcome> charges = new LinkedHashMap<>();

	private final Map<OrderId, RefundOutcome> refunds = new HashMap<>();

	private final Deque<Movement> recentMovements = new ArrayDeque<>();

	/**
	 * Opens the account with its currency and a balance of zero or more.
	 * @throws AccountAlreadyOpenException when it is open already
	 */
	public List<AccountEvent> open(CustomerId customerId, Money initialBalance, Instant now) {
		if (customerId == null) {
			throw new InvalidAccountException("customerId", "is required");
		}
		if (initialBalance == null) {
			throw new InvalidAccountException("initialBalance", "is required");
		}
		if (isOpen()) {
			throw new AccountAlreadyOpenException(this.customerId);
		}
		return List.of(new AccountOpened(customerId, initialBalance.currency(), initialBalance.amount(), now));
	}

	/**
	 * Adds money to the balance.
	 * @throws InvalidAccountException when the amount is zero or in another currency
	 */
	public List<AccountEvent> deposit(Money amount, Instant now) {
		requireOpen();
		if (amount.isZero()) {
			throw new InvalidAccountException("amount", "must be greater than zero");
		}
		if (!amount.currency().equals(this.currency)) {
			throw new InvalidAccountException("currency", "must be the account's currency " + this.currency);
		}
		return List.of(new MoneyDeposited(amount.amount(), now));
	}

	/**
	 * Charges an order, or answers with the first outcome of charging it.
	 * @throws InvalidAccountException when the amount is zero: no charge command can
	 * carry that
	 */
	public Decision<ChargeOutcome> charge(OrderId orderId, Money amount, Instant now) {
		if (amount.isZero()) {
			throw new InvalidAccountException("amount", "must be greater than zero");
		}
		if (!isOpen()) {
			return Decision.unrecorded(failure(orderId, amount, FailureReason.UNKNOWN_ACCOUNT, now));
		}
		ChargeOutcome first = this.charges.get(orderId);
		if (first != null) {
			return Decision.repeated(first);
		}
		if (this.refunds.containsKey(orderId)) {
			return Decision.recorded(failure(orderId, amount, FailureReason.ORDER_CLOSED, now));
		}
		if (!amount.currency().equals(this.currency)) {
			return Decision.recorded(failure(orderId, amount, FailureReason.CURRENCY_MISMATCH, now));
		}
		if (this.balance.compareTo(amount.amount()) < 0) {
			return Decision.recorded(failure(orderId, amount, FailureReason.INSUFFICIENT_FUNDS, now));
		}
		return Decision.recorded(new PaymentCharged(orderId, amount.amount(), this.currency, now));
	}

	/**
	 * Gives back what an order was charged, or closes the order when nothing was; or
	 * answers with the first outcome of refunding it. Without an account there is nothing
	 * to give back and nothing to store.
	 */
	public Decision<RefundOutcome> refund(OrderId orderId, Instant now) {
		if (!isOpen()) {
			return Decision.unrecorded(new OrderClosed(orderId, now));
		}
		RefundOutcome first = this.refunds.get(orderId);
		if (first != null) {
			return Decision.repeated(first);
		}
		if (this.charges.get(orderId) instanceof PaymentCharged charged) {
			return Decision.recorded(new PaymentRefunded(orderId, charged.amount(), charged.currency(), now));
		}
		return Decision.recorded(new OrderClosed(orderId, now));
	}

	@Override
	public void apply(AccountEvent event) {
		switch (event) {
			case AccountOpened opened -> {
				this.customerId = opened.customerId();
				this.currency = opened.currency();
				this.balance = opened.initialBalance();
				moved(new Movement(Movement.Type.OPENING, null, opened.initialBalance(), opened.openedAt()));
			}
			case MoneyDeposited deposited -> {
				this.balance = this.balance.add(deposited.amount());
				moved(new Movement(Movement.Type.DEPOSIT, null, deposited.amount(), deposited.depositedAt()));
			}
			case PaymentCharged charged -> {
				this.balance = this.balance.subtract(charged.amount());
				this.charges.put(charged.orderId(), charged);
				moved(new Movement(Movement.Type.CHARGE, charged.orderId(), charged.amount(), charged.chargedAt()));
			}
			case PaymentFailed failed -> this.charges.put(failed.orderId(), failed);
			case PaymentRefunded refunded -> {
				this.balance = this.balance.add(refunded.amount());
				this.refunds.put(refunded.orderId(), refunded);
				moved(new Movement(Movement.Type.REFUND, refunded.orderId(), refunded.amount(), refunded.refundedAt()));
			}
			case OrderClosed closed -> this.refunds.put(closed.orderId(), closed);
		}
	}

	private void moved(Movement movement) {
		this.recentMovements.addFirst(movement);
		if (this.recentMovements.size() > RECENT_MOVEMENTS) {
			this.recentMovements.removeLast();
		}
	}

	private void requireOpen() {
		if (!isOpen()) {
			throw new IllegalStateException("The account is not open");
		}
	}

	private static PaymentFailed failure(OrderId orderId, Money amount, FailureReason reason, Instant now) {
		return new PaymentFailed(orderId, amount.amount(), amount.currency(), reason, now);
	}

	public boolean isOpen() {
		return this.customerId != null;
	}

	/**
	 * {@code null} before the account is opened.
	 */
	public CustomerId customerId() {
		return this.customerId;
	}

	/**
	 * {@code null} before the account is opened.
	 */
	public String currency() {
		return this.currency;
	}

	public BigDecimal balance() {
		return this.balance;
	}

	/**
	 * The orders charged, oldest first, each with whether it was refunded.
	 */
	public List<Charge> charges() {
		return this.charges.values()
			.stream()
			.filter(PaymentCharged.class::isInstance)
			.map(PaymentCharged.class::cast)
			.map((charged) -> new Charge(charged.orderId(), charged.amount(), charged.chargedAt(),
					this.refunds.get(charged.orderId()) instanceof PaymentRefunded))
			.toList();
	}

	/**
	 * The last {@value #RECENT_MOVEMENTS} movements of money, newest first.
	 */
	public List<Movement> recentMovements() {
		return List.copyOf(this.recentMovements);
	}

	public Optional<ChargeOutcome> chargeOutcome(OrderId orderId) {
		return Optional.ofNullable(this.charges.get(orderId));
	}

	public Optional<RefundOutcome> refundOutcome(OrderId orderId) {
		return Optional.ofNullable(this.refunds.get(orderId));
	}

}
