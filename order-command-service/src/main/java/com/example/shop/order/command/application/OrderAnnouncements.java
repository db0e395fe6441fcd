package com.example.shop.order.command.application;

import java.util.List;

import com.example.shop.order.command.domain.OrderEvent;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;

/**
 * Turns an order's new domain events into the integration events other services receive.
 */
public interface OrderAnnouncements {

	/**
	 * @param fromVersion the stream version of the first event
	 */
	List<OutboxMessage> announce(OrderId orderId, long fromVersion, List<OrderEvent> events, EventMetadata metadata);

}
