package com.example.shop.order.command.adapter.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

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
	KafkaTemplate<String, String> kafka;

	@Autowired
	ConsumerFactory<String, byte[]> consumers;

	@Autowired
	JsonMapper json;

	@Test
	void aPlacedOrderIsPublishedKeyedByItsIdWithCloudEventsHeaders() {
		OrderId id = place("corr-published");

		ConsumerRecord<String, byte[]> record = await(Topics.ORDERS_EVENTS,
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
		awaitCommandsConsumed();
		var trail = history.asOf(id, Instant.now());
		assertThat(trail.events()).extracting((e) -> e.type()).containsExactly("OrderPlaced", "OrderConfirmed");
		assertThat(trail.events().get(1).metadata().causationId()).isEqualTo(messageId);
		assertThat(trail.events().get(1).metadata().correlationId()).isEqualTo("saga-corr");
		// the re-sent command (a new message id) is answered with the same event again
		List<ConsumerRecord<String, byte[]>> confirmed = awaitAll(Topics.ORDERS_EVENTS,
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
		assertThat(header(await(dlt, (r) -> unknownType.equals(header(r, CloudEventHeaders.ID))),
				"kafka_dlt-exception-message"))
			.contains("Unknown command type ShipToMoon");
		assertThat(header(await(dlt, (r) -> forbidden.equals(header(r, CloudEventHeaders.ID))),
				"kafka_dlt-exception-message"))
			.contains("cannot become CANCELLED");
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
		ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDERS_COMMANDS, payload);
		record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(CloudEventHeaders.ID, messageId.getBytes(StandardCharsets.UTF_8));
		record.headers().add("correlation_id", "saga-corr".getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_source", "saga-orchestrator".getBytes(StandardCharsets.UTF_8));
		kafka.send(record).get(10, TimeUnit.SECONDS);
	}

	/**
	 * Waits until the service's consumer group has committed offsets past every command
	 * sent so far.
	 */
	private void awaitCommandsConsumed() throws InterruptedException {
		try (Consumer<String, byte[]> group = consumers.createConsumer(OrderCommandsListener.CONSUMER,
				"-await-consumed")) {
			List<TopicPartition> partitions = group.partitionsFor(Topics.ORDERS_COMMANDS)
				.stream()
				.map((partition) -> new TopicPartition(Topics.ORDERS_COMMANDS, partition.partition()))
				.toList();
			Map<TopicPartition, Long> ends = group.endOffsets(partitions);
			Instant deadline = Instant.now().plusSeconds(30);
			while (!ends.entrySet().stream().allMatch((end) -> consumedUpTo(group, end.getKey()) >= end.getValue())) {
				assertThat(Instant.now()).as("commands consumed within 30 s").isBefore(deadline);
				Thread.sleep(100);
			}
		}
	}

	private static long consumedUpTo(Consumer<String, byte[]> group, TopicPartition partition) {
		OffsetAndMetadata committed = group.committed(Set.of(partition)).get(partition);
		return (committed != null) ? committed.offset() : 0;
	}

	private void awaitStatus(OrderId id, OrderStatus status) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (history.asOf(id, Instant.now()).state().aggregate().status() != status) {
			assertThat(Instant.now()).as("order %s %s within 30 s", id, status).isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private List<ConsumerRecord<String, byte[]>> awaitAll(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
			int count) {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (Consumer<String, byte[]> consumer = consumers.createConsumer("it-" + UUID.randomUUID(), null, null,
				fromStart)) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(30);
			List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
			while (Instant.now().isBefore(deadline) && matching.size() < count) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (match.test(record)) {
						matching.add(record);
					}
				}
			}
			// one poll more: a record beyond the expected count would show here
			consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
				if (match.test(record)) {
					matching.add(record);
				}
			});
			return matching;
		}
	}

	private ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (Consumer<String, byte[]> consumer = consumers.createConsumer("it-" + UUID.randomUUID(), null, null,
				fromStart)) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(30);
			List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					seen.add(record);
					if (match.test(record)) {
						return record;
					}
				}
			}
			throw new AssertionError("No matching record on " + topic + " within 30 s among " + seen.size());
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
