package com.example.shop.payment.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.ChargePayment;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.PaymentCommand;
import com.example.shop.contracts.RefundPayment;
import com.example.shop.contracts.Topics;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.Decision;
import com.example.shop.payment.domain.InvalidAccountException;
import com.example.shop.payment.domain.Money;
import com.example.shop.payment.domain.OrderId;
import com.example.shop.platform.eventing.AfterCommit;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.inbox.PollHandler;
import com.example.shop.platform.eventing.store.EventMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's commands ({@code ChargePayment}, {@code RefundPayment}) through the
 * inbox, a poll at a time: the inbox rows, the accounts' events and the replies in the
 * outbox commit together, once per {@code ce_id}.
 * <ul>
 * <li>A command that lost a race with a deposit to the same account runs again alone, up
 * to {@code shop.eventing.conflict-retry.attempts} times, before the container's error
 * handler takes over.</li>
 * <li>A command that can never apply (unknown type, malformed payload, invalid ids,
 * amounts or currencies) goes to {@code payments.commands-dlt} at once with the
 * reason.</li>
 * </ul>
 * First outcomes are counted in {@code payments.charges} (tags {@code outcome},
 * {@code reason}) and {@code payments.refunds} (tag {@code outcome}) once their
 * transaction has committed; repeated commands are not. The accounts of a poll's commands
 * are read with one query before the first is applied.
 */
@Component
class PaymentCommandsListener implements PollHandler<byte[], PaymentCommand> {

	static final String CONSUMER = "payment-service";

	private final Inbox inbox;

	private final AccountCommands commands;

	private final MessageCodec codec;

	private final MeterRegistry meters;

	private final Causes causes;

	PaymentCommandsListener(Inbox inbox, AccountCommands commands, MessageCodec codec, MeterRegistry meters,
			Causes causes) {
		this.inbox = inbox;
		this.commands = commands;
		this.codec = codec;
		this.meters = meters;
		this.causes = causes;
	}

	@KafkaListener(topics = Topics.PAYMENTS_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this);
	}

	@Override
	public PaymentCommand decode(ConsumerRecord<String, byte[]> record) {
		return this.codec.decode(record, PaymentCommand.class);
	}

	@Override
	public void prepare(List<PaymentCommand> commands) {
		this.commands.preload(PollHandler.idsOf(commands, (command) -> List.of(customer(switch (command) {
			case ChargePayment charge -> charge.customerId();
			case RefundPayment refund -> refund.customerId();
		}))));
	}

	@Override
	public void apply(ConsumerRecord<String, byte[]> record, PaymentCommand command) {
		Decision<?> decided = decide(record, command);
		if (!decided.repeated()) {
			AfterCommit.run(() -> count(decided.outcome()));
		}
	}

	private Decision<?> decide(ConsumerRecord<String, byte[]> record, PaymentCommand command) {
		EventMetadata metadata = this.causes.ofRecord(record);
		try {
			return switch (command) {
				case ChargePayment charge -> this.commands.charge(customer(charge.customerId()),
						order(charge.orderId()), new Money(charge.amount(), charge.currency()), metadata);
				case RefundPayment refund ->
					this.commands.refund(customer(refund.customerId()), order(refund.orderId()), metadata);
			};
		}
		catch (InvalidAccountException ex) {
			throw new InvalidMessageException(
					"Command " + MessageTypes.of(command).name() + " is invalid: " + ex.getMessage(), ex);
		}
	}

	private static CustomerId customer(com.example.shop.contracts.CustomerId customerId) {
		return new CustomerId((customerId != null) ? customerId.value() : null);
	}

	private static OrderId order(com.example.shop.contracts.OrderId orderId) {
		return OrderId.of(orderId.value());
	}

	private void count(AccountEvent outcome) {
		switch (outcome) {
			case AccountEvent.PaymentCharged charged -> charges("charged", "none").increment();
			case AccountEvent.PaymentFailed failed -> charges("failed", failed.reason().name()).increment();
			case AccountEvent.PaymentRefunded refunded -> refunds("refunded").increment();
			case AccountEvent.OrderClosed closed -> refunds("nothing_charged").increment();
			case AccountEvent.AccountOpened opened -> {
			}
			case AccountEvent.MoneyDeposited deposited -> {
			}
		}
	}

	private Counter charges(String outcome, String reason) {
		return Counter.builder("payments.charges")
			.description("First outcomes of charging an order")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.meters);
	}

	private Counter refunds(String outcome) {
		return Counter.builder("payments.refunds")
			.description("First outcomes of refunding an order")
			.tag("outcome", outcome)
			.register(this.meters);
	}

}
