package com.example.shop.inventory.application;

import java.util.List;

import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.allocation.AllocationOutcome;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

/**
 * Turns the answer to a saga command into the integration events the saga and the read
 * side receive: one, or two for a release that called a shipment back.
 */
public interface AllocationReplies {

	List<OutboxMessage> replies(OrderId orderId, AllocationOutcome outcome, EventMetadata metadata);

}
