package com.example.shop.order.query.view;

import java.util.Map;

import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads a record of {@code orders.events} into its contract record and stream version.
 * Unknown JSON fields are ignored, since contracts grow by adding fields; a record of an
 * unknown type or without a version can never be applied and is refused as invalid.
 */
@Component
public class OrderEventsDecoder {

	private static final Map<String, Class<?>> TYPES = Map.of("OrderPlaced", OrderPlaced.class, "OrderConfirmed",
			OrderConfirmed.class, "OrderRejected", OrderRejected.class, "OrderCancellationRequested",
			OrderCancellationRequested.class, "OrderCancelled", OrderCancelled.class);

	private final JsonMapper json;

	public OrderEventsDecoder(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	public Object event(ConsumerRecord<String, byte[]> record) {
		String type = CloudEventHeaders.get(record, CloudEventHeaders.TYPE);
		Class<?> contract = (type != null) ? TYPES.get(type) : null;
		if (contract == null) {
			throw new InvalidMessageException("Unknown event type " + type);
		}
		return this.json.readValue(record.value(), contract);
	}

	public long version(ConsumerRecord<String, byte[]> record) {
		try {
			return Long.parseLong(CloudEventHeaders.get(record, CloudEventHeaders.SEQUENCE));
		}
		catch (NumberFormatException ex) {
			throw new InvalidMessageException("No stream version in " + CloudEventHeaders.SEQUENCE, ex);
		}
	}

}
