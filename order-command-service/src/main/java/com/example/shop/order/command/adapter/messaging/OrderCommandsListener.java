package com.example.shop.order.command.adapter.messaging;

import java.util.List;

import com.example.shop.contracts.CancelOrder;
import com.example.shop.contracts.ConfirmOrder;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.OrderCommand;
import com.example.shop.contracts.RejectOrder;
import com.example.shop.contracts.Topics;
import com.example.shop.order.command.application.OrderCommands;
import com.example.shop.order.command.application.OrderNotFoundException;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.order.command.domain.OrderStateException;
import com.example.shop.platform.eventing.Causes;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.inbox.Inbox;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.inbox.PollHandler;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
class OrderCommandsListener implements PollHandler<byte[], OrderCommand> {

	static final String CONSUMER = "order-command-service";

	private final Inbox inbox;

	private final OrderCommands commands;

	private final MessageCodec codec;

	private final Causes causes;

	OrderCommandsListener(Inbox inbox, OrderCommands commands, MessageCodec codec, Causes causes) {
		this.inbox = inbox;
		this.commands = commands;
		this.codec = codec;
		this.causes = causes;
	}

	@KafkaListener(topics = Topics.ORDERS_COMMANDS, groupId = CONSUMER, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
		this.inbox.process(CONSUMER, records, acknowledgment, this);
	}

	@Override
	public OrderCommand decode(ConsumerRecord<String, byte[]> record) {
		return this.codec.decode(record, OrderCommand.class);
	}

	@Override
	public void prepare(List<OrderCommand> commands) {
		this.commands.preload(PollHandler.idsOf(commands, (command) -> List.of(orderId(command.orderId().value()))));
	}

	@Override
	public void apply(ConsumerRecord<String, byte[]> record, OrderCommand command) {
		EventMetadata metadata = this.causes.ofRecord(record);
		OrderId orderId = orderId(command.orderId().value());
		try {
			switch (command) {
				case ConfirmOrder confirm -> this.commands.confirm(orderId, metadata);
				case RejectOrder reject -> this.commands.reject(orderId, reject.reason(), metadata);
				case CancelOrder cancel -> this.commands.cancel(orderId, metadata);
			}
		}
		catch (OrderNotFoundException | OrderStateException ex) {
			throw new InvalidMessageException(
					"Command " + MessageTypes.of(command).name() + " rejected: " + ex.getMessage(), ex);
		}
	}

	private static OrderId orderId(String text) {
		try {
			return OrderId.of(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMessageException("Not an order id: " + text);
		}
	}

}
