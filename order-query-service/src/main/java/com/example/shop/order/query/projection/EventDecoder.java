package com.example.shop.order.query.projection;

import com.example.shop.contracts.Event;
import com.example.shop.contracts.OrderEvent;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageCodec;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * Reads a record of {@code orders.events}, {@code payments.events} or
 * {@code inventory.events} once into its {@link Event}, through the shared
 * {@link MessageCodec}. A record that can never be applied is refused as invalid: an
 * unknown type, no order id, or an orders event without its stream version
 * ({@code ce_sequence}); payments and inventory events carry none.
 */
@Component
class EventDecoder {

	private final MessageCodec codec;

	EventDecoder(MessageCodec codec) {
		this.codec = codec;
	}

	ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
		Event event = this.codec.decode(record, Event.class);
		Long version = (event instanceof OrderEvent) ? version(record) : null;
		return new ReceivedEvent(event.orderId().value(), event, version);
	}

	private static long version(ConsumerRecord<String, byte[]> record) {
		try {
			return Long.parseLong(CloudEventHeaders.get(record, CloudEventHeaders.SEQUENCE));
		}
		catch (NumberFormatException ex) {
			throw new InvalidMessageException("No stream version in " + CloudEventHeaders.SEQUENCE, ex);
		}
	}

}
