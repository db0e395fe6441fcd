package com.example.shop.order.command.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.orders.CancelOrder;
import com.example.shop.contracts.orders.ConfirmOrder;
import com.example.shop.contracts.orders.RejectOrder;
import com.example.shop.order.command.application.OrderCommands;
import com.example.shop.order.command.application.OrderNotFoundException;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.order.command.domain.OrderStateException;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Applies the saga's commands ({@code ConfirmOrder}, {@code RejectOrder},
 * {@code CancelOrder}) once each, through the inbox, a poll per transaction. A command
 * that can never apply (unknown type, unknown order, or one the order's status forbids)
 * goes to {@code orders.commands-dlt} with the reason, where it is visible instead of
 * retried.
 */
@Component
class OrderCommandsListener {

	static final String CONSUMER = "order-command-service";

	private final Inbox inbox;

	private final OrderCommands commands;

	private final JsonMapper json;

	OrderCommandsListener(Inbox inbox, OrderCommands commands, JsonMapper json) {
		this.inbox = inbox;
		this.commands = commands;
		this.json = json;
	}

	@KafkaListener(topics = Topics.ORDERS_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this::apply);
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		EventMetadata metadata = Causes.ofRecord(record);
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		try {
			switch (type) {
				case "ConfirmOrder" ->
					this.commands.confirm(orderId(read(record, ConfirmOrder.class).orderId()), metadata);
				case "RejectOrder" -> {
					RejectOrder reject = read(record, RejectOrder.class);
					this.commands.reject(orderId(reject.orderId()), reject.reason(), metadata);
				}
				case "CancelOrder" ->
					this.commands.cancel(orderId(read(record, CancelOrder.class).orderId()), metadata);
				case null, default -> throw new InvalidMessageException("Unknown command type " + type);
			}
		}
		catch (OrderNotFoundException | OrderStateException ex) {
			throw new InvalidMessageException("Command " + type + " rejected: " + ex.getMessage(), ex);
		}
	}

	private <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
		return this.json.readValue(record.value(), type);
	}

	private static OrderId orderId(String text) {
		try {
			return OrderId.of(text);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidMessageException("Not an order id: " + text);
		}
	}

}
