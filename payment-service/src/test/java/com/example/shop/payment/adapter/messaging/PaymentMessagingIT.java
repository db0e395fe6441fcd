package com.example.shop.payment.adapter.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.contracts.Topics;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.application.AccountQueries;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.Money;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga's side of the service against a real broker and database: commands published
 * to {@code payments.commands} as the orchestrator publishes them, replies read from
 * {@code payments.events}.
 */
@ServiceIntegrationTest
class PaymentMessagingIT {

	/**
	 * Customer ids of this class: C-5xxxxx to C-8xxxxx, apart from other test classes
	 * that share the database.
	 */
	private static final AtomicInteger CUSTOMERS = new AtomicInteger(
			500_000 + ThreadLocalRandom.current().nextInt(300_000));

	@Autowired
	AccountCommands accounts;

	@Autowired
	AccountQueries queries;

	@Autowired
	EventStore events;

	@Autowired
	JsonMapper json;

	@Autowired
	TopicProbe topics;

	@Autowired
	MeterRegistry meters;

	@Test
	void aChargeIsAnsweredWithPaymentChargedKeyedByOrderWithTheCommandsCorrelationAndCausation() throws Exception {
		String customer = openAccount("100.00");
		String order = newOrderId();
		String commandId = UUID.randomUUID().toString();

		send("ChargePayment", commandId, order, charge(order, customer, "30", "EUR"));

		ConsumerRecord<String, byte[]> reply = awaitReply(order, "PaymentCharged");
		PaymentCharged charged = json.readValue(reply.value(), PaymentCharged.class);
		assertThat(charged.orderId().value()).isEqualTo(order);
		assertThat(charged.customerId().value()).isEqualTo(customer);
		assertThat(charged.amount()).isEqualTo(new BigDecimal("30.00"));
		assertThat(charged.currency()).isEqualTo("EUR");
		assertThat(new String(reply.value(), StandardCharsets.UTF_8)).contains("\"amount\":30.00");
		assertThat(header(reply, CloudEventHeaders.CORRELATION_ID)).isEqualTo("saga-corr");
		assertThat(header(reply, CloudEventHeaders.CAUSATION_ID)).isEqualTo(commandId);
		assertThat(header(reply, CloudEventHeaders.SOURCE)).isEqualTo("payment-service");
		assertThat(balanceOf(customer)).isEqualByComparingTo("70.00");
		var stored = events.readStream("account-" + customer, 2);
		assertThat(stored).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("PaymentCharged");
			assertThat(event.metadata().causationId()).isEqualTo(commandId);
		});
	}

	@Test
	void everyReasonOfFailureIsAnsweredWithPaymentFailedAndTakesNothing() throws Exception {
		String customer = openAccount("10.00");
		String poor = newOrderId();
		String foreign = newOrderId();
		String closed = newOrderId();
		String unknown = newOrderId();
		String nobody = newCustomerId();
		double mismatches = chargesCounter("failed", "CURRENCY_MISMATCH");

		send("ChargePayment", UUID.randomUUID().toString(), poor, charge(poor, customer, "30.00", "EUR"));
		send("ChargePayment", UUID.randomUUID().toString(), foreign, charge(foreign, customer, "5.00", "USD"));
		send("RefundPayment", UUID.randomUUID().toString(), closed, refund(closed, customer));
		send("ChargePayment", UUID.randomUUID().toString(), closed, charge(closed, customer, "5.00", "EUR"));
		send("ChargePayment", UUID.randomUUID().toString(), unknown, charge(unknown, nobody, "5.00", "EUR"));

		assertThat(reason(awaitReply(poor, "PaymentFailed"))).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(reason(awaitReply(foreign, "PaymentFailed"))).isEqualTo("CURRENCY_MISMATCH");
		assertThat(reason(awaitReply(closed, "PaymentFailed"))).isEqualTo("ORDER_CLOSED");
		ConsumerRecord<String, byte[]> unknownReply = awaitReply(unknown, "PaymentFailed");
		assertThat(reason(unknownReply)).isEqualTo("UNKNOWN_ACCOUNT");
		assertThat(json.readTree(unknownReply.value()).get("customerId").asString()).isEqualTo(nobody);
		assertThat(balanceOf(customer)).isEqualByComparingTo("10.00");
		assertThat(events.currentVersion("account-" + nobody)).isZero();
		assertThat(chargesCounter("failed", "CURRENCY_MISMATCH")).isEqualTo(mismatches + 1);
	}

	@Test
	void aRefundGivesBackTheChargeAndARefundOfNothingIsZeroWithoutCurrency() throws Exception {
		String customer = openAccount("100.00");
		String charged = newOrderId();
		String uncharged = newOrderId();
		String unknown = newOrderId();
		String nobody = newCustomerId();

		send("ChargePayment", UUID.randomUUID().toString(), charged, charge(charged, customer, "30.00", "EUR"));
		send("RefundPayment", UUID.randomUUID().toString(), charged, refund(charged, customer));
		send("RefundPayment", UUID.randomUUID().toString(), uncharged, refund(uncharged, customer));
		send("RefundPayment", UUID.randomUUID().toString(), unknown, refund(unknown, nobody));

		PaymentRefunded refunded = json.readValue(awaitReply(charged, "PaymentRefunded").value(),
				PaymentRefunded.class);
		assertThat(refunded.amount()).isEqualTo(new BigDecimal("30.00"));
		assertThat(refunded.currency()).isEqualTo("EUR");
		PaymentRefunded nothing = json.readValue(awaitReply(uncharged, "PaymentRefunded").value(),
				PaymentRefunded.class);
		assertThat(nothing.amount()).isEqualByComparingTo("0");
		assertThat(nothing.currency()).isNull();
		PaymentRefunded noAccount = json.readValue(awaitReply(unknown, "PaymentRefunded").value(),
				PaymentRefunded.class);
		assertThat(noAccount.amount()).isEqualByComparingTo("0");
		assertThat(noAccount.currency()).isNull();
		assertThat(balanceOf(customer)).isEqualByComparingTo("100.00");
		assertThat(events.currentVersion("account-" + nobody)).isZero();
		var stream = queries.find(new CustomerId(customer));
		assertThat(stream.aggregate().charges()).singleElement()
			.satisfies((charge) -> assertThat(charge.refunded()).isTrue());
	}

	@Test
	void aRecordDeliveredTwiceHasOneEffect() throws Exception {
		String customer = openAccount("100.00");
		String order = newOrderId();
		String commandId = UUID.randomUUID().toString();

		send("ChargePayment", commandId, order, charge(order, customer, "30.00", "EUR"));
		send("ChargePayment", commandId, order, charge(order, customer, "30.00", "EUR"));
		// same key, same partition: once this is answered, both deliveries above were
		// handled
		send("RefundPayment", UUID.randomUUID().toString(), order, refund(order, customer));

		awaitReply(order, "PaymentRefunded");
		assertThat(replies(order)).extracting((reply) -> header(reply, CloudEventHeaders.TYPE))
			.containsExactly("PaymentCharged", "PaymentRefunded");
		assertThat(events.currentVersion("account-" + customer)).isEqualTo(3);
		assertThat(balanceOf(customer)).isEqualByComparingTo("100.00");
	}

	@Test
	void aResentChargeIsAnsweredWithItsFirstOutcomeAndTakesNothingMore() throws Exception {
		String customer = openAccount("100.00");
		String order = newOrderId();
		String resentId = UUID.randomUUID().toString();

		send("ChargePayment", UUID.randomUUID().toString(), order, charge(order, customer, "30.00", "EUR"));
		awaitReply(order, "PaymentCharged");
		send("ChargePayment", resentId, order, charge(order, customer, "30.00", "EUR"));

		ConsumerRecord<String, byte[]> second = replyTo(resentId);
		List<ConsumerRecord<String, byte[]>> replies = replies(order);
		assertThat(replies).hasSize(2);
		assertThat(header(second, CloudEventHeaders.TYPE)).isEqualTo("PaymentCharged");
		assertThat(json.readTree(second.value())).isEqualTo(json.readTree(replies.get(0).value()));
		assertThat(balanceOf(customer)).isEqualByComparingTo("70.00");
		assertThat(events.currentVersion("account-" + customer)).isEqualTo(2);
	}

	@Test
	void aResentChargeThatFailedFailsAgainAfterADeposit() throws Exception {
		String customer = openAccount("10.00");
		String order = newOrderId();
		String resentId = UUID.randomUUID().toString();
		send("ChargePayment", UUID.randomUUID().toString(), order, charge(order, customer, "30.00", "EUR"));
		ConsumerRecord<String, byte[]> first = awaitReply(order, "PaymentFailed");
		accounts.deposit(new CustomerId(customer), Money.of("100", "EUR"), EventMetadata.newRequest("test", null));

		send("ChargePayment", resentId, order, charge(order, customer, "30.00", "EUR"));

		ConsumerRecord<String, byte[]> second = replyTo(resentId);
		assertThat(header(second, CloudEventHeaders.TYPE)).isEqualTo("PaymentFailed");
		assertThat(json.readTree(second.value())).isEqualTo(json.readTree(first.value()));
		assertThat(balanceOf(customer)).isEqualByComparingTo("110.00");
	}

	@Test
	void aResentRefundGivesBackOnce() throws Exception {
		String customer = openAccount("100.00");
		String order = newOrderId();
		String resentId = UUID.randomUUID().toString();
		send("ChargePayment", UUID.randomUUID().toString(), order, charge(order, customer, "30.00", "EUR"));
		send("RefundPayment", UUID.randomUUID().toString(), order, refund(order, customer));
		send("RefundPayment", resentId, order, refund(order, customer));

		ConsumerRecord<String, byte[]> second = replyTo(resentId);
		assertThat(json.readTree(second.value()).get("amount").decimalValue()).isEqualByComparingTo("30.00");
		assertThat(replies(order)).extracting((reply) -> header(reply, CloudEventHeaders.TYPE))
			.containsExactly("PaymentCharged", "PaymentRefunded", "PaymentRefunded");
		assertThat(balanceOf(customer)).isEqualByComparingTo("100.00");
		assertThat(events.currentVersion("account-" + customer)).isEqualTo(3);
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicAndLaterCommandsAreStillApplied() throws Exception {
		String customer = openAccount("100.00");
		String order = newOrderId();
		String malformed = UUID.randomUUID().toString();
		String unknownType = UUID.randomUUID().toString();
		String invalidOrder = UUID.randomUUID().toString();
		String tooPrecise = UUID.randomUUID().toString();
		String invalidCustomer = UUID.randomUUID().toString();

		send("ChargePayment", malformed, order, "{\"orderId\": ");
		send("PayTwice", unknownType, order, charge(order, customer, "1.00", "EUR"));
		send("ChargePayment", invalidOrder, order, charge("not-an-order-id", customer, "1.00", "EUR"));
		send("ChargePayment", tooPrecise, order, charge(order, customer, "1.001", "EUR"));
		send("RefundPayment", invalidCustomer, order, refund(order, "customer-1"));
		send("ChargePayment", UUID.randomUUID().toString(), order, charge(order, customer, "30.00", "EUR"));

		awaitReply(order, "PaymentCharged");
		assertThat(deadLetterReason(malformed)).isNotBlank();
		assertThat(deadLetterReason(unknownType)).contains("Unknown command type PayTwice");
		assertThat(deadLetterReason(invalidOrder)).contains("orderId");
		assertThat(deadLetterReason(tooPrecise)).contains("decimals");
		assertThat(deadLetterReason(invalidCustomer)).contains("customerId");
		assertThat(replies(order)).hasSize(1);
		assertThat(balanceOf(customer)).isEqualByComparingTo("70.00");
	}

	@Test
	void chargesRacingDepositsOnOneAccountAreAllAnsweredAndTheBalanceAddsUp() throws Exception {
		String customer = openAccount("0.00");
		List<String> orders = List.of(newOrderId(), newOrderId(), newOrderId(), newOrderId(), newOrderId());
		List<Future<?>> deposits = new ArrayList<>();
		int deposited = 0;

		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (int i = 0; i < 10; i++) {
				deposits.add(pool.submit(() -> accounts.deposit(new CustomerId(customer), Money.of("10", "EUR"),
						EventMetadata.newRequest("test", null))));
			}
			for (String order : orders) {
				send("ChargePayment", UUID.randomUUID().toString(), order, charge(order, customer, "10.00", "EUR"));
			}
			for (Future<?> deposit : deposits) {
				try {
					deposit.get(30, TimeUnit.SECONDS);
					deposited++;
				}
				catch (ExecutionException ex) {
					// a deposit may lose every retry; then it added nothing
					assertThat(ex).hasCauseInstanceOf(OptimisticConcurrencyException.class);
				}
			}
		}

		long charged = 0;
		for (String order : orders) {
			ConsumerRecord<String, byte[]> reply = awaitReply(order, null);
			if ("PaymentCharged".equals(header(reply, CloudEventHeaders.TYPE))) {
				charged++;
			}
			else {
				assertThat(reason(reply)).isEqualTo("INSUFFICIENT_FUNDS");
			}
		}
		assertThat(deposited).isPositive();
		assertThat(balanceOf(customer)).isEqualByComparingTo(BigDecimal.valueOf(10 * deposited - 10 * charged));
	}

	private String openAccount(String balance) {
		String customer = newCustomerId();
		accounts.open(new CustomerId(customer), Money.of(balance, "EUR"), EventMetadata.newRequest("test", null));
		return customer;
	}

	private BigDecimal balanceOf(String customer) {
		return queries.find(new CustomerId(customer)).aggregate().balance();
	}

	private double chargesCounter(String outcome, String reason) {
		var counter = meters.find("payments.charges").tag("outcome", outcome).tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String newCustomerId() {
		return "C-%06d".formatted(CUSTOMERS.getAndIncrement());
	}

	private static String newOrderId() {
		return UUID.randomUUID().toString();
	}

	private static String charge(String order, String customer, String amount, String currency) {
		return """
				{"orderId":"%s","customerId":"%s","amount":%s,"currency":"%s"}""".formatted(order, customer, amount,
				currency);
	}

	private static String refund(String order, String customer) {
		return """
				{"orderId":"%s","customerId":"%s"}""".formatted(order, customer);
	}

	private String reason(ConsumerRecord<String, byte[]> reply) {
		return json.readTree(reply.value()).get("reason").asString();
	}

	/**
	 * Publishes a command as the saga does: keyed by order id, with CloudEvents headers.
	 */
	private void send(String type, String messageId, String key, String payload) throws Exception {
		topics.publish(Topics.PAYMENTS_COMMANDS, key, type, payload, Map.of(CloudEventHeaders.ID, messageId,
				CloudEventHeaders.CORRELATION_ID, "saga-corr", CloudEventHeaders.SOURCE, "saga-orchestrator"));
	}

	/**
	 * The first reply for the order, of the type when one is given.
	 */
	private ConsumerRecord<String, byte[]> awaitReply(String order, String type) {
		return topics.await(Topics.PAYMENTS_EVENTS, (record) -> order.equals(record.key())
				&& (type == null || type.equals(header(record, CloudEventHeaders.TYPE))));
	}

	/**
	 * The reply to the command with this message id.
	 */
	private ConsumerRecord<String, byte[]> replyTo(String commandId) {
		return topics.await(Topics.PAYMENTS_EVENTS,
				(reply) -> commandId.equals(header(reply, CloudEventHeaders.CAUSATION_ID)));
	}

	/**
	 * Why the command with this message id was dead-lettered, once it has been.
	 */
	private String deadLetterReason(String commandId) {
		return topics.deadLetterReason(Topics.deadLetter(Topics.PAYMENTS_COMMANDS), commandId);
	}

	/**
	 * Every reply for the order published so far, in order: the whole topic read up to
	 * its end offsets.
	 */
	private List<ConsumerRecord<String, byte[]>> replies(String order) {
		return topics.readToEnd(Topics.PAYMENTS_EVENTS, (record) -> order.equals(record.key()));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return CloudEventHeaders.get(record, name);
	}

}
