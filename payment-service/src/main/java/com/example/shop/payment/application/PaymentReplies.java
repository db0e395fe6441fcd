package com.example.shop.payment.application;

import com.example.shop.payment.domain.AccountEvent;
import com.example.shop.payment.domain.CustomerId;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

/**
 * Turns the outcome of a saga command into the integration event that answers it.
 */
public interface PaymentReplies {

	/**
	 * @param customerId the account holder the command named
	 * @param outcome a {@link AccountEvent.ChargeOutcome} or
	 * {@link AccountEvent.RefundOutcome}
	 * @param metadata the command's correlation, with the command as the cause
	 */
	OutboxMessage reply(CustomerId customerId, AccountEvent outcome, EventMetadata metadata);

}
