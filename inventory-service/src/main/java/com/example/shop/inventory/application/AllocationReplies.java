package com.example.shop.inventory.application;

import com.example.shop.inventory.domain.AllocationOutcome;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

/**
 * Turns the answer to a saga command into the integration event the saga receives.
 */
public interface AllocationReplies {

	OutboxMessage reply(OrderId orderId, AllocationOutcome outcome, EventMetadata metadata);

}
