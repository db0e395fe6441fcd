package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.util.List;

import com.example.shop.payment.domain.AccountEvent.AccountOpened;
import com.example.shop.payment.domain.AccountEvent.ChargeOutcome;
import com.example.shop.payment.domain.AccountEvent.MoneyDeposited;
import com.example.shop.payment.domain.AccountEvent.OrderClosed;
import com.example.shop.payment.domain.AccountEvent.PaymentCharged;
import com.example.shop.payment.domain.AccountEvent.PaymentFailed;
import com.example.shop.payment.domain.AccountEvent.PaymentRefunded;
import com.example.shop.payment.domain.AccountEvent.RefundOutcome;
import org.junit.jupiter.api.Test;

import static com.example.shop.payment.domain.AccountTestData.CUSTOMER;
import static com.example.shop.payment.domain.AccountTestData.NOW;
import static com.example.shop.payment.domain.AccountTestData.ORDER;
import static com.example.shop.payment.domain.AccountTestData.OTHER_ORDER;
import static com.example.shop.payment.domain.AccountTestData.anAccount;
import static com.example.shop.payment.domain.AccountTestData.charged;
import static com.example.shop.payment.domain.AccountTestData.closed;
import static com.example.shop.payment.domain.AccountTestData.deposited;
import static com.example.shop.payment.domain.AccountTestData.eur;
import static com.example.shop.payment.domain.AccountTestData.failed;
import static com.example.shop.payment.domain.AccountTestData.given;
import static com.example.shop.payment.domain.AccountTestData.refunded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given events, when a command, expect events and the outcome the saga is answered with.
 */
class AccountTest {

	@Test
	void opensAnAccountWithItsCurrencyAndInitialBalance() {
		List<AccountEvent> events = new Account().open(CUSTOMER, eur("50"), NOW);

		assertThat(events).containsExactly(new AccountOpened(CUSTOMER, "EUR", new BigDecimal("50.00"), NOW));
		Account account = given(events.toArray(AccountEvent[]::new));
		assertThat(account.isOpen()).isTrue();
		assertThat(account.balance()).isEqualByComparingTo("50.00");
		assertThat(account.currency()).isEqualTo("EUR");
	}

	@Test
	void opensAnAccountWithNothingOnIt() {
		assertThat(new Account().open(CUSTOMER, eur("0"), NOW)).singleElement()
			.isInstanceOfSatisfying(AccountOpened.class,
					(opened) -> assertThat(opened.initialBalance()).isEqualByComparingTo("0"));
	}

	@Test
	void refusesToOpenAnAccountTwice() {
		assertThatThrownBy(() -> given(anAccount().opened()).open(CUSTOMER, eur("10"), NOW))
			.isInstanceOf(AccountAlreadyOpenException.class)
			.hasMessageContaining("C-000123");
	}

	@Test
	void aDepositRaisesTheBalance() {
		Account account = given(anAccount().withBalance("10.00").opened());

		List<AccountEvent> events = account.deposit(eur("5.50"), NOW);

		assertThat(events).containsExactly(new MoneyDeposited(new BigDecimal("5.50"), NOW));
		events.forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("15.50");
	}

	@Test
	void refusesADepositOfZeroOrInAnotherCurrency() {
		Account account = given(anAccount().opened());

		assertThatThrownBy(() -> account.deposit(eur("0.00"), NOW)).isInstanceOf(InvalidAccountException.class)
			.hasMessageContaining("greater than zero");
		assertThatThrownBy(() -> account.deposit(Money.of("5", "USD"), NOW)).isInstanceOf(InvalidAccountException.class)
			.hasMessageContaining("account's currency EUR")
			.extracting((ex) -> ((InvalidAccountException) ex).field())
			.isEqualTo("currency");
	}

	@Test
	void chargesAnOrderWithinTheBalance() {
		Account account = given(anAccount().withBalance("100.00").opened());

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("30"), NOW);

		PaymentCharged charged = new PaymentCharged(ORDER, new BigDecimal("30.00"), "EUR", NOW);
		assertThat(decision.events()).containsExactly(charged);
		assertThat(decision.outcome()).isEqualTo(charged);
		assertThat(decision.repeated()).isFalse();
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("70.00");
		assertThat(account.charges()).containsExactly(new Charge(ORDER, new BigDecimal("30.00"), NOW, false));
	}

	@Test
	void failsAChargeLargerThanTheBalanceAndTakesNothing() {
		Account account = given(anAccount().withBalance("10.00").opened());

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("10.01"), NOW);

		PaymentFailed failed = new PaymentFailed(ORDER, new BigDecimal("10.01"), "EUR",
				FailureReason.INSUFFICIENT_FUNDS, NOW);
		assertThat(decision.events()).containsExactly(failed);
		assertThat(decision.outcome()).isEqualTo(failed);
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("10.00");
		assertThat(account.charges()).isEmpty();
	}

	@Test
	void theBalanceNeverGoesBelowZero() {
		Account account = given(anAccount().withBalance("10.00").opened());

		account.charge(ORDER, eur("10.00"), NOW).events().forEach(account::apply);
		Decision<ChargeOutcome> next = account.charge(OTHER_ORDER, eur("0.01"), NOW);

		assertThat(account.balance()).isEqualByComparingTo("0.00");
		assertThat(next.outcome()).isInstanceOfSatisfying(PaymentFailed.class,
				(failed) -> assertThat(failed.reason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS));
		next.events().forEach(account::apply);
		assertThat(account.balance().signum()).isZero();
	}

	@Test
	void failsAChargeInAnotherCurrency() {
		Account account = given(anAccount().opened());

		Decision<ChargeOutcome> decision = account.charge(ORDER, Money.of("5", "USD"), NOW);

		assertThat(decision.events()).containsExactly(
				new PaymentFailed(ORDER, new BigDecimal("5.00"), "USD", FailureReason.CURRENCY_MISMATCH, NOW));
	}

	@Test
	void failsAChargeWithoutAnAccountAndStoresNothing() {
		Decision<ChargeOutcome> decision = new Account().charge(ORDER, eur("5"), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.repeated()).isFalse();
		assertThat(decision.outcome())
			.isEqualTo(new PaymentFailed(ORDER, new BigDecimal("5.00"), "EUR", FailureReason.UNKNOWN_ACCOUNT, NOW));
	}

	@Test
	void refusesAChargeOfZero() {
		assertThatThrownBy(() -> given(anAccount().opened()).charge(ORDER, eur("0"), NOW))
			.isInstanceOf(InvalidAccountException.class);
	}

	@Test
	void aRepeatedChargeStoresNothingAndAnswersTheFirstCharge() {
		Account account = given(anAccount().withBalance("100.00").opened(), charged(ORDER, "30.00"));

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("30.00"), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.repeated()).isTrue();
		assertThat(decision.outcome()).isEqualTo(charged(ORDER, "30.00"));
		assertThat(account.balance()).isEqualByComparingTo("70.00");
	}

	@Test
	void aRepeatedChargeThatFailedAnswersTheSameFailureEvenWhenItCouldNowBePaid() {
		Account account = given(anAccount().withBalance("10.00").opened(),
				failed(ORDER, "30.00", FailureReason.INSUFFICIENT_FUNDS), deposited("100.00"));

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("30.00"), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(failed(ORDER, "30.00", FailureReason.INSUFFICIENT_FUNDS));
	}

	@Test
	void refundsWhatTheOrderWasCharged() {
		Account account = given(anAccount().withBalance("100.00").opened(), charged(ORDER, "30.00"));

		Decision<RefundOutcome> decision = account.refund(ORDER, NOW);

		PaymentRefunded refunded = new PaymentRefunded(ORDER, new BigDecimal("30.00"), "EUR", NOW);
		assertThat(decision.events()).containsExactly(refunded);
		assertThat(decision.outcome()).isEqualTo(refunded);
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("100.00");
		assertThat(account.charges()).singleElement().satisfies((charge) -> assertThat(charge.refunded()).isTrue());
	}

	@Test
	void aRefundWithoutAChargeGivesBackNothingAndClosesTheOrder() {
		Account account = given(anAccount().withBalance("100.00").opened());

		Decision<RefundOutcome> decision = account.refund(ORDER, NOW);

		assertThat(decision.events()).containsExactly(new OrderClosed(ORDER, NOW));
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("100.00");
		assertThat(account.refundOutcome(ORDER)).contains(new OrderClosed(ORDER, NOW));
	}

	@Test
	void aChargeAfterTheOrderWasClosedFails() {
		Account account = given(anAccount().withBalance("100.00").opened(), closed(ORDER));

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("30.00"), NOW);

		assertThat(decision.events())
			.containsExactly(new PaymentFailed(ORDER, new BigDecimal("30.00"), "EUR", FailureReason.ORDER_CLOSED, NOW));
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("100.00");
		assertThat(account.charge(ORDER, eur("30.00"), NOW).outcome()).isEqualTo(decision.outcome());
	}

	@Test
	void aSecondRefundAnswersTheFirstAndGivesNothingBack() {
		Account account = given(anAccount().withBalance("100.00").opened(), charged(ORDER, "30.00"),
				refunded(ORDER, "30.00"));

		Decision<RefundOutcome> decision = account.refund(ORDER, NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.repeated()).isTrue();
		assertThat(decision.outcome()).isEqualTo(refunded(ORDER, "30.00"));
		assertThat(account.balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void aSecondRefundOfAClosedOrderAnswersTheFirst() {
		Account account = given(anAccount().opened(), closed(ORDER));

		Decision<RefundOutcome> decision = account.refund(ORDER, NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(closed(ORDER));
	}

	@Test
	void aChargeRepeatedAfterItsRefundAnswersTheFirstChargeAndTakesNothing() {
		Account account = given(anAccount().withBalance("100.00").opened(), charged(ORDER, "30.00"),
				refunded(ORDER, "30.00"));

		Decision<ChargeOutcome> decision = account.charge(ORDER, eur("30.00"), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(charged(ORDER, "30.00"));
		assertThat(account.balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void aRefundOfAFailedChargeGivesBackNothing() {
		Account account = given(anAccount().withBalance("10.00").opened(),
				failed(ORDER, "30.00", FailureReason.INSUFFICIENT_FUNDS));

		Decision<RefundOutcome> decision = account.refund(ORDER, NOW);

		assertThat(decision.events()).containsExactly(new OrderClosed(ORDER, NOW));
		decision.events().forEach(account::apply);
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void aRefundWithoutAnAccountGivesBackNothingAndStoresNothing() {
		Decision<RefundOutcome> decision = new Account().refund(ORDER, NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(new OrderClosed(ORDER, NOW));
	}

	@Test
	void chargesOfOtherOrdersDoNotCount() {
		Account account = given(anAccount().withBalance("100.00").opened(), charged(OTHER_ORDER, "30.00"),
				closed(OTHER_ORDER));

		assertThat(account.charge(ORDER, eur("70.00"), NOW).outcome()).isInstanceOf(PaymentCharged.class);
		assertThat(account.refund(ORDER, NOW).outcome()).isInstanceOf(OrderClosed.class);
	}

	@Test
	void keepsTheLastTwentyMovementsNewestFirst() {
		Account account = given(anAccount().withBalance("0.00").opened());
		for (int i = 1; i <= 25; i++) {
			account.apply(deposited(i + ".00"));
		}
		account.apply(charged(ORDER, "7.00"));

		List<Movement> movements = account.recentMovements();

		assertThat(movements).hasSize(Account.RECENT_MOVEMENTS);
		assertThat(movements.get(0).type()).isEqualTo(Movement.Type.CHARGE);
		assertThat(movements.get(0).orderId()).isEqualTo(ORDER);
		assertThat(movements.get(1).amount()).isEqualByComparingTo("25.00");
		assertThat(movements.get(19).amount()).isEqualByComparingTo("7.00");
		assertThat(movements).extracting(Movement::type).doesNotContain(Movement.Type.OPENING);
	}

}
