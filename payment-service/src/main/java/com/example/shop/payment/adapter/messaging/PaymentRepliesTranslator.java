package com.example.shop.payment.adapter.messaging;

import java.math.BigDecimal;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.payments.PaymentCharged;
import com.example.shop.contracts.payments.PaymentFailed;
import com.example.shop.contracts.payments.PaymentRefunded;
import com.example.shop.payment.application.PaymentReplies;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.OrderId;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Maps the outcome of a saga command to its integration event of
 * {@code platform/contracts} on {@code payments.events}, keyed by order id so that the
 * saga sees one order's replies in order. A refund of an order that was not charged is
 * answered with a {@code PaymentRefunded} of amount zero and no currency.
 */
@Component
class PaymentRepliesTranslator implements PaymentReplies {

	private final JsonMapper json;

	PaymentRepliesTranslator(JsonMapper json) {
		this.json = json;
	}

	@Override
	public OutboxMessage reply(CustomerId customerId, AccountEvent outcome, EventMetadata metadata) {
		String customer = customerId.value();
		return switch (outcome) {
			case AccountEvent.PaymentCharged charged ->
				message(charged.orderId(), new PaymentCharged(charged.orderId().toString(), customer, charged.amount(),
						charged.currency(), charged.chargedAt()), metadata);
			case AccountEvent.PaymentFailed failed -> message(failed.orderId(),
					new PaymentFailed(failed.orderId().toString(), customer, failed.reason().name(), failed.failedAt()),
					metadata);
			case AccountEvent.PaymentRefunded refunded ->
				message(refunded.orderId(), new PaymentRefunded(refunded.orderId().toString(), customer,
						refunded.amount(), refunded.currency(), refunded.refundedAt()), metadata);
			case AccountEvent.OrderClosed closed ->
				message(closed.orderId(), new PaymentRefunded(closed.orderId().toString(), customer, BigDecimal.ZERO,
						null, closed.closedAt()), metadata);
			case AccountEvent.AccountOpened opened -> throw notAReply(opened);
			case AccountEvent.MoneyDeposited deposited -> throw notAReply(deposited);
		};
	}

	private OutboxMessage message(OrderId orderId, Record contract, EventMetadata metadata) {
		return OutboxMessage.of(Topics.PAYMENTS_EVENTS, orderId.toString(), contract.getClass().getSimpleName(),
				this.json.writeValueAsString(contract), metadata);
	}

	private static IllegalArgumentException notAReply(AccountEvent event) {
		return new IllegalArgumentException(event.getClass().getSimpleName() + " answers no saga command");
	}

}
