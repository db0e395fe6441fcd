package com.example.shop.payment.adapter.messaging;

import java.math.BigDecimal;

import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentEvent;
import com.example.shop.contracts.PaymentFailed;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.payment.application.PaymentReplies;
import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.payment.domain.OrderId;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

import org.springframework.stereotype.Component;

/**
 * Maps the outcome of a saga command to its integration event of
 * {@code platform/contracts} on {@code payments.events}, keyed by order id so that the
 * saga sees one order's replies in order. A refund of an order that was not charged is
 * answered with a {@code PaymentRefunded} of amount zero and no currency.
 */
@Component
class PaymentRepliesTranslator implements PaymentReplies {

	private final MessageCodec codec;

	PaymentRepliesTranslator(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public OutboxMessage reply(CustomerId customerId, AccountEvent outcome, EventMetadata metadata) {
		var customer = new com.example.shop.contracts.CustomerId(customerId.value());
		PaymentEvent reply = switch (outcome) {
			case AccountEvent.PaymentCharged charged -> new PaymentCharged(order(charged.orderId()), customer,
					charged.amount(), charged.currency(), charged.chargedAt());
			case AccountEvent.PaymentFailed failed ->
				new PaymentFailed(order(failed.orderId()), customer, failed.reason().name(), failed.failedAt());
			case AccountEvent.PaymentRefunded refunded -> new PaymentRefunded(order(refunded.orderId()), customer,
					refunded.amount(), refunded.currency(), refunded.refundedAt());
			case AccountEvent.OrderClosed closed ->
				new PaymentRefunded(order(closed.orderId()), customer, BigDecimal.ZERO, null, closed.closedAt());
			case AccountEvent.AccountOpened opened -> throw notAReply(opened);
			case AccountEvent.MoneyDeposited deposited -> throw notAReply(deposited);
		};
		return this.codec.encode(reply, metadata);
	}

	private static com.example.shop.contracts.OrderId order(OrderId orderId) {
		return new com.example.shop.contracts.OrderId(orderId.toString());
	}

	private static IllegalArgumentException notAReply(AccountEvent event) {
		return new IllegalArgumentException(event + " answers no saga command");
	}

}
