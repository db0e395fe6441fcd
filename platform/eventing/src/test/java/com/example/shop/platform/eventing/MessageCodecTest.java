package com.example.shop.platform.eventing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import com.example.shop.contracts.ChargePayment;
import com.example.shop.contracts.Command;
import com.example.shop.contracts.CustomerId;
import com.example.shop.contracts.Event;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderId;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentCommand;
import com.example.shop.contracts.PaymentEvent;
import com.example.shop.contracts.ShippingAddress;
import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.inbox.InvalidMessageException;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageCodecTest {

	private static final String ORDER = "0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b";

	private final MessageCodec codec = new MessageCodec(JsonMapper.builder().build());

	@Test
	void encodesAMessageOnItsTopicKeyedByOrderWithItsRegisteredTypeAndSchema() {
		ChargePayment charge = new ChargePayment(new OrderId(ORDER), new CustomerId("C-000123"),
				new BigDecimal("30.00"), "EUR");

		OutboxMessage message = this.codec.encode(charge, new EventMetadata("corr", "cause", "someone", null));

		assertThat(message.topic()).isEqualTo(Topics.PAYMENTS_COMMANDS);
		assertThat(message.key()).isEqualTo(ORDER);
		assertThat(message.type()).isEqualTo("ChargePayment");
		assertThat(message.headers()).containsEntry(CloudEventHeaders.DATA_SCHEMA, "urn:shop:message:ChargePayment:v1");
		assertThat(message.headers()).containsEntry(CloudEventHeaders.CORRELATION_ID, "corr")
			.containsEntry(CloudEventHeaders.CAUSATION_ID, "cause");
		assertThat(message.payload()).contains("\"orderId\":\"" + ORDER + "\"", "\"customerId\":\"C-000123\"");
	}

	@Test
	void decodesWhatItEncodedIntoTheFamilyOfTheTopic() {
		PaymentCharged charged = new PaymentCharged(new OrderId(ORDER), new CustomerId("C-000123"),
				new BigDecimal("30.00"), "EUR", Instant.parse("2026-12-02T10:00:00Z"));
		OutboxMessage message = this.codec.encode(charged, new EventMetadata("corr", "cause", "someone", null));

		PaymentEvent decoded = this.codec.decode(record(message.topic(), message.type(), message.payload()),
				PaymentEvent.class);

		assertThat(decoded).isEqualTo(charged);
		assertThat(this.codec.decode(record(message.topic(), message.type(), message.payload()), Event.class))
			.isEqualTo(charged);
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		ConsumerRecord<String, byte[]> record = record(Topics.ORDERS_EVENTS, "OrderConfirmed",
				"{\"orderId\":\"" + ORDER + "\",\"confirmedAt\":\"2026-12-02T10:00:00Z\",\"addedLater\":42}");

		assertThat(this.codec.decode(record, Event.class))
			.isEqualTo(new OrderConfirmed(new OrderId(ORDER), Instant.parse("2026-12-02T10:00:00Z")));
	}

	@Test
	void upcastsAnOlderVersionOnTheWayIn() {
		String v1 = """
				{"orderId":"%s","customerId":"C-000123","lines":[{"sku":"SKU-00042","quantity":2,"unitPrice":9.50}],
				 "currency":"EUR","total":19.00,"placedAt":"2026-12-02T10:00:00Z",
				 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
				"""
			.formatted(ORDER);
		ConsumerRecord<String, byte[]> withoutSchema = record(Topics.ORDERS_EVENTS, "OrderPlaced", v1);
		ConsumerRecord<String, byte[]> withSchema = record(Topics.ORDERS_EVENTS, "OrderPlaced", v1);
		withSchema.headers()
			.add(CloudEventHeaders.DATA_SCHEMA, "urn:shop:message:OrderPlaced:v1".getBytes(StandardCharsets.UTF_8));

		for (ConsumerRecord<String, byte[]> record : java.util.List.of(withoutSchema, withSchema)) {
			OrderPlaced placed = (OrderPlaced) this.codec.decode(record, Event.class);
			assertThat(placed.recipient()).isEqualTo("Ada Lovelace");
			assertThat(placed.shippingAddress()).isEqualTo(new ShippingAddress("1 Main St", "Berlin", "10115", "DE"));
			assertThat(placed.total()).as("exact, scale included").isEqualTo(new BigDecimal("19.00"));
			assertThat(placed.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("9.50"));
		}
	}

	@Test
	void refusesAVersionNewerThanItKnowsOrASchemaOfAnotherType() {
		ConsumerRecord<String, byte[]> newer = record(Topics.ORDERS_EVENTS, "OrderConfirmed",
				"{\"orderId\":\"" + ORDER + "\",\"confirmedAt\":\"2026-12-02T10:00:00Z\"}");
		newer.headers()
			.add(CloudEventHeaders.DATA_SCHEMA, "urn:shop:message:OrderConfirmed:v2".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<String, byte[]> other = record(Topics.ORDERS_EVENTS, "OrderConfirmed",
				"{\"orderId\":\"" + ORDER + "\",\"confirmedAt\":\"2026-12-02T10:00:00Z\"}");
		other.headers()
			.add(CloudEventHeaders.DATA_SCHEMA, "urn:shop:message:OrderPlaced:v1".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.codec.decode(newer, Event.class))
			.withMessage("OrderConfirmed version 2 is unknown here, where 1 is the newest");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.codec.decode(other, Event.class))
			.withMessage("urn:shop:message:OrderPlaced:v1 is not a schema of OrderConfirmed");
	}

	@Test
	void leavesATypeOutsideTheFamilyOrTheTopicToItsConsumer() {
		String payload = "{\"orderId\":\"" + ORDER + "\"}";

		assertThat(this.codec.decodeIfKnown(record(Topics.PAYMENTS_EVENTS, "PaymentDisputed", payload), Event.class))
			.isEmpty();
		assertThat(this.codec.decodeIfKnown(record(Topics.ORDERS_EVENTS, "PaymentCharged", payload), Event.class))
			.isEmpty();
		assertThat(this.codec.decodeIfKnown(record(Topics.PAYMENTS_COMMANDS, "ChargePayment", payload), Event.class))
			.isEmpty();
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(
				() -> this.codec.decode(record(Topics.PAYMENTS_COMMANDS, "PayTwice", payload), PaymentCommand.class))
			.withMessage("Unknown command type PayTwice on payments.commands");
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> this.codec.decode(record(Topics.ORDERS_EVENTS, "OrderShipped", payload), Event.class))
			.withMessage("Unknown event type OrderShipped on orders.events");
	}

	@Test
	void refusesARecordThatCanNeverBeApplied() {
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> this.codec.decodeIfKnown(record(Topics.ORDERS_EVENTS, null, "{}"), Event.class))
			.withMessageContaining("ce_type");
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(() -> this.codec.decode(record(Topics.PAYMENTS_COMMANDS, "ChargePayment", null), Command.class))
			.withMessage("ChargePayment has no payload");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(
				() -> this.codec.decode(record(Topics.PAYMENTS_COMMANDS, "ChargePayment", "{not json"), Command.class))
			.withMessageStartingWith("ChargePayment is not valid JSON of its type");
		assertThatExceptionOfType(InvalidMessageException.class)
			.isThrownBy(
					() -> this.codec.decode(record(Topics.PAYMENTS_COMMANDS, "ChargePayment", "null"), Command.class))
			.withMessage("ChargePayment without an orderId");
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.codec.decode(
				record(Topics.PAYMENTS_COMMANDS, "ChargePayment", "{\"orderId\":\" \",\"amount\":1}"), Command.class))
			.withMessage("ChargePayment without an orderId");
	}

	private static ConsumerRecord<String, byte[]> record(String topic, String type, String payload) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 0L, ORDER,
				(payload != null) ? payload.getBytes(StandardCharsets.UTF_8) : null);
		record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		if (type != null) {
			record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

}
