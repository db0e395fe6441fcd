package com.example.shop.inventory.adapter.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.example.shop.contracts.Topics;
import com.example.shop.inventory.application.ProductCommands;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.product.StockLevels;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.example.shop.platform.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga's commands on a real broker and database: each command published to
 * {@code inventory.commands} as the saga publishes it, each answer read from
 * {@code inventory.events}.
 */
@ServiceIntegrationTest
class InventoryMessagingIT {

	private static final String DLT = Topics.deadLetter(Topics.INVENTORY_COMMANDS);

	@Autowired
	ProductCommands products;

	@Autowired
	EventStore events;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JsonMapper json;

	/** For a record the probe would not publish: one without {@code ce_id}. */
	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	TopicProbe topics;

	@Value("${local.server.port}")
	int port;

	@Test
	void reservesEveryLineOfAnOrderAndAnswersInTheSagasCorrelation() throws Exception {
		String mug = product(5);
		String tea = product(2);
		String order = newOrderId();
		double reservedBefore = counter("inventory.reservations", "reserved");

		String command = send("ReserveInventory", order, reserve(order, mug, 2, tea, 1, mug, 1));

		ConsumerRecord<String, byte[]> reply = awaitReply(command);
		assertThat(reply.key()).isEqualTo(order);
		assertThat(header(reply, CloudEventHeaders.TYPE)).isEqualTo("InventoryReserved");
		assertThat(header(reply, CloudEventHeaders.CORRELATION_ID)).isEqualTo("saga-" + order);
		assertThat(header(reply, CloudEventHeaders.SOURCE)).isEqualTo("inventory-service");
		JsonNode body = json.readTree(reply.value());
		assertThat(body.get("orderId").asString()).isEqualTo(order);
		assertThat(lines(body)).containsExactly(mug + "x3", tea + "x1");
		assertThat(levels(mug)).isEqualTo(new StockLevels(2, 3, 0, 5));
		assertThat(levels(tea)).isEqualTo(new StockLevels(1, 1, 0, 2));
		assertThat(counter("inventory.reservations", "reserved")).isEqualTo(reservedBefore + 1);
	}

	@Test
	void oneShortProductFailsTheWholeReservation() throws Exception {
		String mug = product(5);
		String tea = product(1);
		String unknown = newSku();
		String order = newOrderId();

		JsonNode failed = body(awaitReply(send("ReserveInventory", order, reserve(order, mug, 2, tea, 2, unknown, 1)),
				"InventoryReservationFailed"));

		assertThat(failed.get("reason").asString()).isEqualTo("INSUFFICIENT_STOCK");
		assertThat(failed.get("shortages")
			.valueStream()
			.map((s) -> s.get("sku").asString() + ":" + s.get("requested").asInt() + "/" + s.get("available").asInt()))
			.containsExactly(tea + ":2/1", unknown + ":1/0");
		assertThat(levels(mug)).isEqualTo(new StockLevels(5, 0, 0, 5));
		assertThat(levels(tea)).isEqualTo(new StockLevels(1, 0, 0, 1));
		assertThat(events.currentVersion("product-" + mug)).isEqualTo(1);
	}

	@Test
	void releasingGivesBackWhatWasReserved() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		awaitReply(send("ReserveInventory", order, reserve(order, mug, 4)), "InventoryReserved");

		JsonNode released = body(awaitReply(send("ReleaseInventory", order, orderOnly(order)), "InventoryReleased"));

		assertThat(lines(released)).containsExactly(mug + "x4");
		assertThat(levels(mug)).isEqualTo(new StockLevels(5, 0, 0, 5));
	}

	@Test
	void aReleaseBeforeAnyReservationClosesTheOrder() throws Exception {
		String mug = product(5);
		String order = newOrderId();

		JsonNode released = body(awaitReply(send("ReleaseInventory", order, orderOnly(order)), "InventoryReleased"));
		JsonNode late = body(
				awaitReply(send("ReserveInventory", order, reserve(order, mug, 1)), "InventoryReservationFailed"));

		assertThat(released.get("lines").isEmpty()).isTrue();
		assertThat(late.get("reason").asString()).isEqualTo("ORDER_CLOSED");
		assertThat(levels(mug)).isEqualTo(new StockLevels(5, 0, 0, 5));
	}

	@Test
	void shipsReservedStockAndCancelsTheShipmentBackToReserved() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReserved");
		double createdBefore = counter("inventory.shipments", "created");

		JsonNode created = body(awaitReply(send("CreateShipment", order, ship(order, "DE")), "ShipmentCreated"));
		StockLevels shipped = levels(mug);
		JsonNode cancelled = body(awaitReply(send("CancelShipment", order, orderOnly(order)), "ShipmentCancelled"));

		String trackingNumber = created.get("trackingNumber").asString();
		assertThat(trackingNumber).matches("TRK-[0-9A-F]{12}");
		assertThat(created.get("destination").get("country").asString()).isEqualTo("DE");
		assertThat(lines(created)).containsExactly(mug + "x2");
		assertThat(shipped).isEqualTo(new StockLevels(3, 0, 2, 5));
		assertThat(cancelled.get("trackingNumber").asString()).isEqualTo(trackingNumber);
		assertThat(levels(mug)).isEqualTo(new StockLevels(3, 2, 0, 5));
		assertThat(counter("inventory.shipments", "created")).isEqualTo(createdBefore + 1);
	}

	@Test
	void releasingAShippedOrderCancelsTheShipmentFirst() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReserved");
		String trackingNumber = body(awaitReply(send("CreateShipment", order, ship(order, "FR")), "ShipmentCreated"))
			.get("trackingNumber")
			.asString();

		List<ConsumerRecord<String, byte[]>> answers = awaitTwoReplies(
				send("ReleaseInventory", order, orderOnly(order)));
		// the same answers to the command repeated with a new message id
		List<ConsumerRecord<String, byte[]>> repeated = awaitTwoReplies(
				send("ReleaseInventory", order, orderOnly(order)));
		JsonNode cancelledLater = body(
				awaitReply(send("CancelShipment", order, orderOnly(order)), "ShipmentCancelled"));

		for (List<ConsumerRecord<String, byte[]>> replies : List.of(answers, repeated)) {
			// the cancelled shipment first, so the read side and the saga hear of it
			assertThat(replies).extracting((reply) -> header(reply, CloudEventHeaders.TYPE))
				.containsExactly("ShipmentCancelled", "InventoryReleased");
			assertThat(body(replies.get(0)).get("trackingNumber").asString()).isEqualTo(trackingNumber);
			assertThat(lines(body(replies.get(1)))).containsExactly(mug + "x2");
		}
		assertThat(body(repeated.get(1)).get("releasedAt")).isEqualTo(body(answers.get(1)).get("releasedAt"));
		assertThat(levels(mug)).isEqualTo(new StockLevels(5, 0, 0, 5));
		assertThat(cancelledLater.get("trackingNumber").asString()).isEqualTo(trackingNumber);
	}

	@Test
	void aShipmentFailsForAnUnservedDestinationOrWithoutAReservation() throws Exception {
		String mug = product(5);
		String reserved = newOrderId();
		String unreserved = newOrderId();
		awaitReply(send("ReserveInventory", reserved, reserve(reserved, mug, 1)), "InventoryReserved");

		JsonNode unserved = body(awaitReply(send("CreateShipment", reserved, ship(reserved, "US")), "ShipmentFailed"));
		JsonNode notReserved = body(
				awaitReply(send("CreateShipment", unreserved, ship(unreserved, "DE")), "ShipmentFailed"));
		JsonNode noShipment = body(
				awaitReply(send("CancelShipment", unreserved, orderOnly(unreserved)), "ShipmentCancelled"));

		assertThat(unserved.get("reason").asString()).isEqualTo("UNSERVED_DESTINATION");
		assertThat(notReserved.get("reason").asString()).isEqualTo("NOT_RESERVED");
		assertThat(noShipment.get("trackingNumber").isNull()).isTrue();
		assertThat(levels(mug)).as("the reservation stands").isEqualTo(new StockLevels(4, 1, 0, 5));
	}

	@Test
	void aCommandDeliveredTwiceWithTheSameIdTakesEffectOnce() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		String messageId = UUID.randomUUID().toString();

		send("ReserveInventory", order, messageId, reserve(order, mug, 2));
		send("ReserveInventory", order, messageId, reserve(order, mug, 2));
		awaitProcessed(order);

		assertThat(replies((r) -> messageId.equals(header(r, CloudEventHeaders.CAUSATION_ID)))).hasSize(1);
		assertThat(levels(mug)).isEqualTo(new StockLevels(3, 2, 0, 5));
	}

	@Test
	void aCommandResentWithANewIdAnswersTheFirstOutcomeAgainWithoutASecondEffect() throws Exception {
		String mug = product(1);
		String order = newOrderId();
		JsonNode first = body(
				awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReservationFailed"));
		products.restock(new Sku(mug), 5, null, EventMetadata.newRequest("test", null));

		JsonNode again = body(
				awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReservationFailed"));

		assertThat(again).isEqualTo(first);
		assertThat(events.currentVersion("allocation-" + order)).isEqualTo(1);
		assertThat(levels(mug)).isEqualTo(new StockLevels(6, 0, 0, 6));
	}

	@Test
	void aShipmentResentWithANewIdAnswersTheSameTrackingNumber() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReserved");
		JsonNode first = body(awaitReply(send("CreateShipment", order, ship(order, "AT")), "ShipmentCreated"));

		JsonNode again = body(awaitReply(send("CreateShipment", order, ship(order, "AT")), "ShipmentCreated"));
		JsonNode reserveAgain = body(
				awaitReply(send("ReserveInventory", order, reserve(order, mug, 2)), "InventoryReserved"));

		assertThat(again).isEqualTo(first);
		assertThat(lines(reserveAgain)).containsExactly(mug + "x2");
		assertThat(events.currentVersion("allocation-" + order)).isEqualTo(2);
		assertThat(levels(mug)).isEqualTo(new StockLevels(3, 0, 2, 5));
	}

	@Test
	void unprocessableCommandsGoToTheDeadLetterTopicAndLaterCommandsAreProcessed() throws Exception {
		String mug = product(5);
		String order = newOrderId();
		String unknownType = send("ShipToMoon", order, orderOnly(order));
		String malformed = send("ReserveInventory", order, "{\"orderId\": ");
		String badOrderId = send("ReserveInventory", order, reserve("not-a-uuid", mug, 1));
		String badSku = send("ReserveInventory", order, reserve(order, "lower-case", 1));
		String badQuantity = send("ReserveInventory", order, reserve(order, mug, 0));
		String noDestination = send("CreateShipment", order, orderOnly(order));
		String marker = "no-id-" + UUID.randomUUID();
		ProducerRecord<String, String> withoutId = new ProducerRecord<>(Topics.INVENTORY_COMMANDS, order,
				"{\"orderId\":\"" + order + "\",\"marker\":\"" + marker + "\"}");
		withoutId.headers().add(CloudEventHeaders.TYPE, "ReleaseInventory".getBytes(StandardCharsets.UTF_8));
		kafka.send(withoutId).get(10, TimeUnit.SECONDS);

		awaitReply(send("ReserveInventory", order, reserve(order, mug, 1)), "InventoryReserved");

		assertThat(deadLetterReason(unknownType)).contains("Unknown command type ShipToMoon");
		assertThat(deadLetterReason(malformed)).isNotBlank();
		assertThat(deadLetterReason(badOrderId)).contains("orderId");
		assertThat(deadLetterReason(badSku)).contains("sku");
		assertThat(deadLetterReason(badQuantity)).contains("quantity");
		assertThat(deadLetterReason(noDestination)).contains("destination");
		assertThat(header(await(DLT, (r) -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1).get(0),
				"kafka_dlt-exception-message"))
			.contains("ce_id");
		assertThat(levels(mug)).isEqualTo(new StockLevels(4, 1, 0, 5));
	}

	@Test
	void concurrentReservationsOfTheLastUnitsLetExactlyAsManyWinAsThereAreUnits() throws Exception {
		String mug = product(5);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(newOrderId());
		}

		List<String> commands = new ArrayList<>();
		for (String order : orders) {
			commands.add(send("ReserveInventory", order, reserve(order, mug, 1)));
		}
		List<ConsumerRecord<String, byte[]>> replies = awaitReplies(commands);

		assertThat(replies).filteredOn((r) -> "InventoryReserved".equals(header(r, CloudEventHeaders.TYPE))).hasSize(5);
		assertThat(replies).filteredOn((r) -> "InventoryReservationFailed".equals(header(r, CloudEventHeaders.TYPE)))
			.hasSize(15);
		assertThat(levels(mug)).isEqualTo(new StockLevels(0, 5, 0, 5));
	}

	@Test
	void reservationsRacingRestocksNeverOversellAndAccountForEveryUnit() throws Exception {
		String mug = product(3);
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			orders.add(newOrderId());
		}
		AtomicBoolean racing = new AtomicBoolean(true);
		List<StockLevels> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

		List<ConsumerRecord<String, byte[]>> replies;
		try (ExecutorService threads = Executors.newFixedThreadPool(3); HttpClient http = HttpClient.newHttpClient()) {
			Future<?> watcher = threads.submit(() -> {
				while (racing.get()) {
					seen.add(levels(mug));
					Thread.sleep(5);
				}
				return null;
			});
			List<Future<Integer>> restocks = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				restocks.add(threads.submit(() -> {
					int ok = 0;
					for (int n = 0; n < 5; n++) {
						HttpResponse<String> response = http.send(HttpRequest
							.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/" + mug + "/restocks"))
							.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}"))
							.build(), HttpResponse.BodyHandlers.ofString());
						ok += (response.statusCode() == 200) ? 1 : 0;
					}
					return ok;
				}));
			}
			List<String> commands = new ArrayList<>();
			for (String order : orders) {
				commands.add(send("ReserveInventory", order, reserve(order, mug, 1)));
			}
			replies = awaitReplies(commands);
			for (Future<Integer> restock : restocks) {
				assertThat(restock.get()).isEqualTo(5);
			}
			racing.set(false);
			watcher.get();
		}

		long won = replies.stream()
			.filter((r) -> "InventoryReserved".equals(header(r, CloudEventHeaders.TYPE)))
			.count();
		StockLevels after = levels(mug);
		assertThat(after.received()).isEqualTo(13);
		assertThat(after.reserved()).isEqualTo((int) won);
		assertThat(after.available() + after.reserved() + after.shipped()).isEqualTo(after.received());
		assertThat(won).isBetween(3L, 13L);
		assertThat(replies).filteredOn((r) -> "InventoryReservationFailed".equals(header(r, CloudEventHeaders.TYPE)))
			.allSatisfy((r) -> assertThat(body(r).get("shortages").get(0).get("available").asInt()).isZero());
		assertThat(seen).isNotEmpty()
			.allSatisfy((levels) -> assertThat(levels.available()).isNotNegative())
			.allSatisfy((levels) -> assertThat(levels.available() + levels.reserved() + levels.shipped())
				.isEqualTo(levels.received()));
	}

	// commands

	private String product(int stock) {
		String sku = newSku();
		products.create(new Sku(sku), stock, EventMetadata.newRequest("test", null));
		return sku;
	}

	private StockLevels levels(String sku) {
		return products.find(new Sku(sku)).levels();
	}

	private static String newSku() {
		return "MSG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static String newOrderId() {
		return UUID.randomUUID().toString();
	}

	private static String reserve(String order, Object... skuAndQuantity) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < skuAndQuantity.length; i += 2) {
			lines.add("{\"sku\":\"" + skuAndQuantity[i] + "\",\"quantity\":" + skuAndQuantity[i + 1] + "}");
		}
		return "{\"orderId\":\"" + order + "\",\"lines\":[" + String.join(",", lines) + "]}";
	}

	private static String ship(String order, String country) {
		return "{\"orderId\":\"" + order
				+ "\",\"destination\":{\"name\":\"Ada Lovelace\",\"street\":\"1 Analytical St\","
				+ "\"city\":\"Somewhere\",\"postalCode\":\"12345\",\"country\":\"" + country + "\"}}";
	}

	private static String orderOnly(String order) {
		return "{\"orderId\":\"" + order + "\"}";
	}

	/**
	 * Publishes a command as the saga does: keyed by order id, with CloudEvents headers
	 * and the saga's correlation id.
	 * @return its message id
	 */
	private String send(String type, String order, String payload) throws Exception {
		return send(type, order, UUID.randomUUID().toString(), payload);
	}

	private String send(String type, String order, String messageId, String payload) throws Exception {
		return topics.publish(Topics.INVENTORY_COMMANDS, order, type, payload, Map.of(CloudEventHeaders.ID, messageId,
				CloudEventHeaders.CORRELATION_ID, "saga-" + order, CloudEventHeaders.SOURCE, "saga-orchestrator"));
	}

	/**
	 * Waits until every command sent before for this order has been handled: commands
	 * with the same key share a partition, so once a no-op command sent after them is
	 * answered, they are done.
	 */
	private void awaitProcessed(String order) throws Exception {
		String messageId = topics.publish(Topics.INVENTORY_COMMANDS, order, "CancelShipment", orderOnly(newOrderId()),
				Map.of());
		awaitReply(messageId, "ShipmentCancelled");
	}

	// answers

	private ConsumerRecord<String, byte[]> awaitReply(String commandId) {
		return topics.await(Topics.INVENTORY_EVENTS,
				(r) -> commandId.equals(header(r, CloudEventHeaders.CAUSATION_ID)));
	}

	private ConsumerRecord<String, byte[]> awaitReply(String commandId, String type) {
		ConsumerRecord<String, byte[]> reply = awaitReply(commandId);
		assertThat(header(reply, CloudEventHeaders.TYPE)).as(() -> new String(reply.value(), StandardCharsets.UTF_8))
			.isEqualTo(type);
		return reply;
	}

	/**
	 * The two answers to one command, in the order they were published.
	 */
	private List<ConsumerRecord<String, byte[]>> awaitTwoReplies(String commandId) {
		return await(Topics.INVENTORY_EVENTS, (r) -> commandId.equals(header(r, CloudEventHeaders.CAUSATION_ID)), 2);
	}

	private List<ConsumerRecord<String, byte[]>> awaitReplies(List<String> commandIds) {
		Set<String> ids = Set.copyOf(commandIds);
		List<ConsumerRecord<String, byte[]>> replies = await(Topics.INVENTORY_EVENTS,
				(r) -> ids.contains(header(r, CloudEventHeaders.CAUSATION_ID)), ids.size());
		assertThat(replies.stream().map((r) -> header(r, CloudEventHeaders.CAUSATION_ID)).collect(Collectors.toSet()))
			.isEqualTo(ids);
		return replies;
	}

	/**
	 * All answers on the topic so far that match.
	 */
	private List<ConsumerRecord<String, byte[]>> replies(Predicate<ConsumerRecord<String, byte[]>> match) {
		return topics.readToEnd(Topics.INVENTORY_EVENTS, match);
	}

	private String deadLetterReason(String commandId) {
		return topics.deadLetterReason(DLT, commandId);
	}

	private List<ConsumerRecord<String, byte[]>> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
			int count) {
		List<ConsumerRecord<String, byte[]>> found = topics.collect(topic, match, count);
		assertThat(found).as("records on %s", topic).hasSize(count);
		return found;
	}

	private JsonNode body(ConsumerRecord<String, byte[]> record) {
		return json.readTree(record.value());
	}

	private static List<String> lines(JsonNode body) {
		return body.get("lines")
			.valueStream()
			.map((line) -> line.get("sku").asString() + "x" + line.get("quantity").asInt())
			.toList();
	}

	private double counter(String name, String outcome) {
		var counter = meters.find(name).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return CloudEventHeaders.get(record, name);
	}

}
