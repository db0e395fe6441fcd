package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;

import com.example.shop.payment.domain.AccountEvent.AccountOpened;
import com.example.shop.payment.domain.AccountEvent.MoneyDeposited;
import com.example.shop.payment.domain.AccountEvent.OrderClosed;
import com.example.shop.payment.domain.AccountEvent.PaymentCharged;
import com.example.shop.payment.domain.AccountEvent.PaymentFailed;
import com.example.shop.payment.domain.AccountEvent.PaymentRefunded;

/**
 * Builds accounts and their events for tests:
 * {@code anAccount().withBalance("100.00").opened()}, {@code charged(ORDER, "30.00")}.
 */
public final class AccountTestData {

	public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	public static final Instant EARLIER = NOW.minusSeconds(3600);

	public static final CustomerId CUSTOMER = new CustomerId("C-000123");

	public static final OrderId ORDER = OrderId.of("3f1c2b9e-2a51-4c55-9d3e-6c1f0e9a7b21");

	public static final OrderId OTHER_ORDER = OrderId.of("9a0b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

	private String currency = "EUR";

	private String balance = "100.00";

	private AccountTestData() {
	}

	public static AccountTestData anAccount() {
		return new AccountTestData();
	}

	public AccountTestData withBalance(String balance) {
		this.balance = balance;
		return this;
	}

	public AccountTestData inCurrency(String currency) {
		this.currency = currency;
		return this;
	}

	public AccountOpened opened() {
		return new AccountOpened(CUSTOMER, this.currency, new BigDecimal(this.balance), EARLIER);
	}

	public static Money eur(String amount) {
		return Money.of(amount, "EUR");
	}

	public static MoneyDeposited deposited(String amount) {
		return new MoneyDeposited(new BigDecimal(amount), EARLIER);
	}

	public static PaymentCharged charged(OrderId order, String amount) {
		return new PaymentCharged(order, new BigDecimal(amount), "EUR", EARLIER);
	}

	public static PaymentFailed failed(OrderId order, String amount, FailureReason reason) {
		return new PaymentFailed(order, new BigDecimal(amount), "EUR", reason, EARLIER);
	}

	public static PaymentRefunded refunded(OrderId order, String amount) {
		return new PaymentRefunded(order, new BigDecimal(amount), "EUR", EARLIER);
	}

	public static OrderClosed closed(OrderId order) {
		return new OrderClosed(order, EARLIER);
	}

	/**
	 * An account rebuilt from these events.
	 */
	public static Account given(AccountEvent... events) {
		Account account = new Account();
		for (AccountEvent event : events) {
			account.apply(event);
		}
		return account;
	}

}
