package com.example.shop.payment.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.payments.ChargePayment;
import com.example.shop.contracts.payments.RefundPayment;
import com.example.shop.payment.application.AccountCommands;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.Decision;
import com.example.shop.payment.domain.InvalidAccountException;
import com.example.shop.payment.domain.Money;
import com.example.shop.payment.domain.OrderId;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.AfterCommit;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.store.EventMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's commands ({@code ChargePayment}, {@code RefundPayment}) through the
 * inbox, a poll at a time: the inbox rows, the accounts' events and the replies in the
 * outbox commit together, once per {@code ce_id}.
 * <ul>
 * <li>A command that lost a race with a deposit to the same account runs again alone, up
 * to {@code shop.payments.conflict-attempts} times, before the container's error handler
 * takes over.</li>
 * <li>A command that can never apply (unknown type, malformed payload, invalid ids,
 * amounts or currencies) goes to {@code payments.commands-dlt} at once with the
 * reason.</li>
 * </ul>
 * First outcomes are counted in {@code payments.charges} (tags {@code outcome},
 * {@code reason}) and {@code payments.refunds} (tag {@code outcome}) once their
 * transaction has committed; repeated commands are not.
 */
@Component
class PaymentCommandsListener {

	static final String CONSUMER = "payment-service";

	private final Inbox inbox;

	private final AccountCommands commands;

	private final JsonMapper json;

	private final MeterRegistry meters;

	PaymentCommandsListener(Inbox inbox, AccountCommands commands, JsonMapper json, MeterRegistry meters) {
		this.inbox = inbox;
		this.commands = commands;
		this.json = json;
		this.meters = meters;
	}

	@KafkaListener(topics = Topics.PAYMENTS_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, (command) -> {
			Decision<?> decided = apply(command);
			if (!decided.repeated()) {
				AfterCommit.run(() -> count(decided.outcome()));
			}
		});
	}

	private Decision<?> apply(ConsumerRecord<String, byte[]> record) {
		EventMetadata metadata = Causes.ofRecord(record);
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		try {
			return switch (type) {
				case "ChargePayment" -> {
					ChargePayment charge = read(record, ChargePayment.class);
					yield this.commands.charge(new CustomerId(charge.customerId()), OrderId.of(charge.orderId()),
							new Money(charge.amount(), charge.currency()), metadata);
				}
				case "RefundPayment" -> {
					RefundPayment refund = read(record, RefundPayment.class);
					yield this.commands.refund(new CustomerId(refund.customerId()), OrderId.of(refund.orderId()),
							metadata);
				}
				case null, default -> throw new InvalidMessageException("Unknown command type " + type);
			};
		}
		catch (InvalidAccountException ex) {
			throw new InvalidMessageException("Command " + type + " is invalid: " + ex.getMessage(), ex);
		}
	}

	private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
		T command = this.json.readValue(record.value(), type);
		if (command == null) {
			throw new InvalidMessageException("Command " + type.getSimpleName() + " has no payload");
		}
		return command;
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
