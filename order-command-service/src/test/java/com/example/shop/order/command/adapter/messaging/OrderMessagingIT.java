package com.example.shop.order.command.adapter.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.order.command.application.OrderCommands;
import com.example.shop.order.command.application.OrderHistory;
import com.example.shop.order.command.application.OrderVersion;
import com.example.shop.order.command.application.PlaceOrder;
import com.example.shop.order.command.domain.CustomerId;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.order.command.domain.OrderStatus;
import com.example.shop.order.command.domain.OrderTestData;
import com.example.shop.order.command.domain.ShippingAddress;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's Kafka side against a real broker: what it publishes on
 * {@code orders.events} and how it applies the saga's commands from
 * {@code orders.commands}.
 */
@ServiceIntegrationTest
class OrderMessagingIT {

	@Autowired
	OrderCommands commands;

	@Autowired
	OrderHistory history;

	@Autowired
	JsonMapper json;

	@Autowired
	TopicProbe topics;

	@Test
	void aPlacedOrderIsPublishedKeyedByItsIdWithCloudEventsHeaders() {
		OrderId id = place("corr-published");

		ConsumerRecord<String, byte[]> record = topics.await(Topics.ORDERS_EVENTS,
				(r) -> id.toString().equals(r.key()) && "OrderPlaced".equals(header(r, "ce_type")));

		var payload = json.readTree(record.value());
		assertThat(payload.get("orderId").asString()).isEqualTo(id.toString());
		assertThat(payload.get("total").decimalValue()).isEqualByComparingTo("39.98");
		assertThat(payload.get("currency").asString()).isEqualTo("EUR");
		assertThat(header(record, "ce_source")).isEqualTo("order-command-service");
		assertThat(header(record, "correlation_id")).isEqualTo("corr-published");
		assertThat(header(record, "ce_sequence")).isEqualTo("1");
	}

	@Test
	void aConfirmOrderCommandDeliveredTwiceConfirmsOnce() throws Exception {
		OrderId id = place("corr-confirm");
		String messageId = UUID.randomUUID().toString();

		send("ConfirmOrder", messageId, "{\"orderId\":\"" + id + "\"}");
		send("ConfirmOrder", messageId, "{\"orderId\":\"" + id + "\"}");
		send("ConfirmOrder", UUID.randomUUID().toString(), "{\"orderId\":\"" + id + "\"}");

		awaitStatus(id, OrderStatus.CONFIRMED);
		// all three commands have been consumed: whatever the duplicate did is in the
		// store
		topics.awaitConsumed(OrderCommandsListener.CONSUMER, Topics.ORDERS_COMMANDS);
		var trail = history.asOf(id, Instant.now());
		assertThat(trail.events()).extracting((e) -> e.type()).containsExactly("OrderPlaced", "OrderConfirmed");
		assertThat(trail.events().get(1).metadata().causationId()).isEqualTo(messageId);
		assertThat(trail.events().get(1).metadata().correlationId()).isEqualTo("saga-corr");
		// the re-sent command (a new message id) is answered with the same event again
		List<ConsumerRecord<String, byte[]>> confirmed = topics.collect(Topics.ORDERS_EVENTS,
				(r) -> id.toString().equals(r.key()) && "OrderConfirmed".equals(header(r, "ce_type")), 2);
		assertThat(confirmed).extracting((r) -> header(r, "ce_sequence")).containsExactly("2", "2");
		assertThat(json.readTree(confirmed.get(1).value())).isEqualTo(json.readTree(confirmed.get(0).value()));
	}

	@Test
	void aRejectOrderCommandRecordsItsReason() throws Exception {
		OrderId id = place("corr-reject");

		send("RejectOrder", UUID.randomUUID().toString(),
				"{\"orderId\":\"" + id + "\",\"reason\":\"INSUFFICIENT_FUNDS\"}");

		awaitStatus(id, OrderStatus.REJECTED);
		assertThat(history.asOf(id, Instant.now()).state().aggregate().rejectionReason())
			.isEqualTo("INSUFFICIENT_FUNDS");
	}

	@Test
	void aCommandThatCanNeverApplyGoesToTheDeadLetterTopic() throws Exception {
		OrderId id = place("corr-dead");
		String unknownType = UUID.randomUUID().toString();
		String forbidden = UUID.randomUUID().toString();

		send("ShipToMoon", unknownType, "{\"orderId\":\"" + id + "\"}");
		// a pending order whose cancellation nobody requested cannot be cancelled
		send("CancelOrder", forbidden, "{\"orderId\":\"" + id + "\"}");

		String dlt = Topics.deadLetter(Topics.ORDERS_COMMANDS);
		assertThat(topics.deadLetterReason(dlt, unknownType)).contains("Unknown command type ShipToMoon");
		assertThat(topics.deadLetterReason(dlt, forbidden)).contains("cannot become CANCELLED");
		assertThat(history.asOf(id, Instant.now()).state().aggregate().status()).isEqualTo(OrderStatus.PENDING);
	}

	private OrderId place(String correlation) {
		OrderVersion placed = commands.place(
				new PlaceOrder(new CustomerId("C-000123"), List.of(OrderTestData.line("SKU-1", 2, "19.99", "EUR")),
						new ShippingAddress("Ada Lovelace", "1 Analytical St", "London", "N1 9GU", "GB"), null, null),
				new EventMetadata(correlation, correlation, "test", null));
		return placed.orderId();
	}

	private void send(String type, String messageId, String payload) throws Exception {
		topics.publish(Topics.ORDERS_COMMANDS, null, type, payload, Map.of(CloudEventHeaders.ID, messageId,
				CloudEventHeaders.CORRELATION_ID, "saga-corr", CloudEventHeaders.SOURCE, "saga-orchestrator"));
	}

	private void awaitStatus(OrderId id, OrderStatus status) {
		Eventually.awaitTrue(Duration.ofSeconds(30),
				() -> history.asOf(id, Instant.now()).state().aggregate().status() == status);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return CloudEventHeaders.get(record, name);
	}

}
