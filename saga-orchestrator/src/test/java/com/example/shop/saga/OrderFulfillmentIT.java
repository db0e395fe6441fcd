package com.example.shop.saga;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestrator on a real broker and PostgreSQL, with the test playing the order
 * service and the participants: it publishes their events and reads the commands the saga
 * sends. Steps wait 1 s, then 2 s, before they give up.
 */
@ServiceIntegrationTest
@Import(OrderFulfillmentIT.ParticipantTopics.class)
@TestPropertySource(properties = { "shop.saga.default-step.timeout=1s", "shop.saga.default-step.attempts=2",
		"shop.saga.deadline-poll-interval=100ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFulfillmentIT {

	@Autowired
	ConsumerFactory<String, byte[]> consumers;

	@Autowired
	TopicProbe topics;

	@Autowired
	JsonMapper json;

	@Autowired
	ServiceApi api;

	private Consumer<String, byte[]> commands;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	@BeforeAll
	void subscribeToCommands() {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		this.commands = consumers.createConsumer("it-" + UUID.randomUUID(), null, null, fromStart);
		this.commands.subscribe(List.of(Topics.PAYMENTS_COMMANDS, Topics.INVENTORY_COMMANDS, Topics.ORDERS_COMMANDS,
				Topics.deadLetter(Topics.PAYMENTS_EVENTS), Topics.deadLetter(Topics.ORDERS_EVENTS)));
	}

	@AfterAll
	void close() {
		this.commands.close();
	}

	@Test
	void fulfilsAnOrderStepByStepAndCompletes() throws Exception {
		String orderId = placeOrder("corr-happy");

		ConsumerRecord<String, byte[]> charge = awaitCommand(orderId, "ChargePayment");
		JsonNode payload = json.readTree(charge.value());
		assertThat(charge.topic()).isEqualTo(Topics.PAYMENTS_COMMANDS);
		assertThat(payload.get("customerId").asString()).isEqualTo("C-000042");
		assertThat(payload.get("amount").decimalValue()).isEqualByComparingTo("59.80");
		assertThat(header(charge, CloudEventHeaders.CORRELATION_ID)).isEqualTo("corr-happy");

		String charged = reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", orderId, "");
		ConsumerRecord<String, byte[]> reserve = awaitCommand(orderId, "ReserveInventory");
		assertThat(header(reserve, CloudEventHeaders.CAUSATION_ID)).isEqualTo(charged);
		assertThat(json.readTree(reserve.value()).get("lines")).hasSize(2);

		reply(Topics.INVENTORY_EVENTS, "InventoryReserved", orderId, "");
		ConsumerRecord<String, byte[]> ship = awaitCommand(orderId, "CreateShipment");
		assertThat(json.readTree(ship.value()).at("/destination/country").asString()).isEqualTo("DE");
		// the recipient of a version 1 OrderPlaced, upcast on the way in
		assertThat(json.readTree(ship.value()).at("/destination/name").asString()).isEqualTo("Ada Lovelace");

		reply(Topics.INVENTORY_EVENTS, "ShipmentCreated", orderId, ",\"trackingNumber\":\"TRK-77\"");
		assertThat(awaitCommand(orderId, "ConfirmOrder").topic()).isEqualTo(Topics.ORDERS_COMMANDS);

		reply(Topics.ORDERS_EVENTS, "OrderConfirmed", orderId, "");
		JsonNode saga = awaitSagaState(orderId, "COMPLETED");
		assertThat(saga.get("trackingNumber").asString()).isEqualTo("TRK-77");
		assertThat(saga.get("steps")).extracting((step) -> step.get("step").asString())
			.containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "CREATE_SHIPMENT", "CONFIRM_ORDER");
		assertThat(saga.get("durationMillis").asLong()).isPositive();
	}

	@Test
	void refundsAndRejectsWhenTheReservationFails() throws Exception {
		String orderId = placeOrder("corr-short");
		awaitCommand(orderId, "ChargePayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", orderId, "");
		awaitCommand(orderId, "ReserveInventory");

		reply(Topics.INVENTORY_EVENTS, "InventoryReservationFailed", orderId,
				",\"reason\":\"INSUFFICIENT_STOCK\",\"shortages\":[]");
		awaitCommand(orderId, "RefundPayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentRefunded", orderId, ",\"amount\":59.80");

		ConsumerRecord<String, byte[]> reject = awaitCommand(orderId, "RejectOrder");
		assertThat(json.readTree(reject.value()).get("reason").asString()).isEqualTo("INSUFFICIENT_STOCK");
		reply(Topics.ORDERS_EVENTS, "OrderRejected", orderId, "");
		assertThat(awaitSagaState(orderId, "REJECTED").get("effects").get("PAYMENT").asString())
			.isEqualTo("COMPENSATED");
	}

	@Test
	void aRepeatedOrderPlacedStartsOneSaga() throws Exception {
		String orderId = UUID.randomUUID().toString();
		String messageId = UUID.randomUUID().toString();
		publish(Topics.ORDERS_EVENTS, "OrderPlaced", messageId, orderId, orderPlaced(orderId), "corr-dup");
		publish(Topics.ORDERS_EVENTS, "OrderPlaced", messageId, orderId, orderPlaced(orderId), "corr-dup");
		publish(Topics.ORDERS_EVENTS, "OrderPlaced", UUID.randomUUID().toString(), orderId, orderPlaced(orderId),
				"corr-dup");

		awaitCommand(orderId, "ChargePayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentFailed", orderId, ",\"reason\":\"INSUFFICIENT_FUNDS\"");
		awaitCommand(orderId, "RejectOrder");

		JsonNode page = json.readTree(api.get("/sagas?orderId=" + orderId).body());
		assertThat(page.get("totalElements").asLong()).isEqualTo(1);
		assertThat(commandsFor(orderId, "ChargePayment")).hasSize(1);
	}

	@Test
	void asksAgainThenGivesUpOnASilentPaymentAndRefundsItsLateCharge() throws Exception {
		String orderId = placeOrder("corr-silent");

		awaitCommand(orderId, "ChargePayment");
		ConsumerRecord<String, byte[]> reject = awaitCommand(orderId, "RejectOrder");
		assertThat(json.readTree(reject.value()).get("reason").asString()).isEqualTo("PAYMENT_TIMEOUT");
		awaitCommands(orderId, "ChargePayment", 2);
		reply(Topics.ORDERS_EVENTS, "OrderRejected", orderId, "");
		awaitSagaState(orderId, "REJECTED");

		// the payment service comes back and answers the first charge
		reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", orderId, "");
		awaitCommand(orderId, "RefundPayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentRefunded", orderId, ",\"amount\":59.80");
		JsonNode saga = awaitSaga(orderId, (s) -> "COMPENSATED".equals(s.at("/effects/PAYMENT").asString()));
		assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
	}

	@Test
	void parksAnUnansweredCompensationUntilAnOperatorRetriesIt() throws Exception {
		String orderId = placeOrder("corr-parked");
		awaitCommand(orderId, "ChargePayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", orderId, "");
		awaitCommand(orderId, "ReserveInventory");
		reply(Topics.INVENTORY_EVENTS, "InventoryReservationFailed", orderId,
				",\"reason\":\"INSUFFICIENT_STOCK\",\"shortages\":[]");

		String sagaId = awaitSagaState(orderId, "COMPENSATION_FAILED").get("sagaId").asString();
		awaitCommands(orderId, "RefundPayment", 2);
		JsonNode parked = json.readTree(api.get("/sagas?state=COMPENSATION_FAILED&size=100").body());
		assertThat(parked.get("sagas")).extracting((s) -> s.get("sagaId").asString()).contains(sagaId);
		JsonNode stuck = json.readTree(api.get("/sagas/stuck").body());
		assertThat(stuck.get("sagas")).as("a parked saga is stuck until it is retried")
			.extracting((s) -> s.get("sagaId").asString())
			.contains(sagaId);

		HttpResponse<String> retried = api.post("/sagas/" + sagaId + "/retry");
		assertThat(retried.statusCode()).isEqualTo(202);
		assertThat(json.readTree(retried.body()).get("state").asString()).isEqualTo("COMPENSATING");
		awaitCommands(orderId, "RefundPayment", 3);

		reply(Topics.PAYMENTS_EVENTS, "PaymentRefunded", orderId, ",\"amount\":59.80");
		awaitCommand(orderId, "RejectOrder");
		assertThat(api.post("/sagas/" + sagaId + "/retry").statusCode()).isEqualTo(409);
	}

	@Test
	void cancelsWhileReservingByReleasingAndRefunding() throws Exception {
		String orderId = placeOrder("corr-cancel");
		awaitCommand(orderId, "ChargePayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", orderId, "");
		awaitCommand(orderId, "ReserveInventory");

		reply(Topics.ORDERS_EVENTS, "OrderCancellationRequested", orderId, "");
		awaitCommand(orderId, "ReleaseInventory");
		reply(Topics.INVENTORY_EVENTS, "InventoryReserved", orderId, "");
		reply(Topics.INVENTORY_EVENTS, "InventoryReleased", orderId, "");
		awaitCommand(orderId, "RefundPayment");
		reply(Topics.PAYMENTS_EVENTS, "PaymentRefunded", orderId, ",\"amount\":59.80");
		awaitCommand(orderId, "CancelOrder");
		reply(Topics.ORDERS_EVENTS, "OrderCancelled", orderId, "");

		assertThat(awaitSagaState(orderId, "CANCELLED").get("cancellationRequested").asBoolean()).isTrue();
		assertThat(commandsFor(orderId, "CreateShipment")).isEmpty();
	}

	@Test
	void aReplyWithoutASagaOrOneThatCannotBeReadIsDeadLetteredAndTheRestFlows() throws Exception {
		String stray = UUID.randomUUID().toString();
		String strayId = reply(Topics.PAYMENTS_EVENTS, "PaymentCharged", stray, "");
		String garbledId = UUID.randomUUID().toString();
		publish(Topics.ORDERS_EVENTS, "OrderPlaced", garbledId, stray, "{not json", "corr-poison");

		assertThat(header(await((r) -> strayId.equals(header(r, CloudEventHeaders.ID))), "kafka_dlt-exception-message"))
			.contains("without a saga");
		assertThat(await((r) -> garbledId.equals(header(r, CloudEventHeaders.ID))).topic())
			.isEqualTo(Topics.deadLetter(Topics.ORDERS_EVENTS));

		String orderId = placeOrder("corr-after-poison");
		awaitCommand(orderId, "ChargePayment");
	}

	@Test
	void answersBadRequestsWithProblemDetails() throws Exception {
		assertThat(api.get("/sagas/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
		assertThat(api.post("/sagas/" + UUID.randomUUID() + "/retry").statusCode()).isEqualTo(404);
		HttpResponse<String> badId = api.get("/sagas/not-a-uuid");
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> badState = api.get("/sagas?state=HALF_DONE");
		assertThat(badState.statusCode()).isEqualTo(400);
		assertThat(json.readTree(badState.body()).at("/errors/0/field").asString()).isEqualTo("state");
		assertThat(api.get("/sagas?size=1000").statusCode()).isEqualTo(400);
		assertThat(api.get("/sagas?page=-1").statusCode()).isEqualTo(400);
		HttpResponse<String> blankOrder = api.get("/sagas?orderId=%20");
		assertThat(blankOrder.statusCode()).isEqualTo(400);
		assertThat(json.readTree(blankOrder.body()).at("/errors/0/field").asString()).isEqualTo("orderId");
	}

	private String placeOrder(String correlation) throws Exception {
		String orderId = UUID.randomUUID().toString();
		publish(Topics.ORDERS_EVENTS, "OrderPlaced", UUID.randomUUID().toString(), orderId, orderPlaced(orderId),
				correlation);
		return orderId;
	}

	/**
	 * An {@code OrderPlaced} of schema version 1, as written before the recipient moved
	 * out of the address: no {@code ce_dataschema}, the recipient in
	 * {@code shippingAddress.name}.
	 */
	private static String orderPlaced(String orderId) {
		return """
				{"orderId":"%s","customerId":"C-000042","currency":"EUR","total":59.80,
				 "lines":[{"sku":"SKU-1001","quantity":2,"unitPrice":19.90},{"sku":"SKU-2002","quantity":1,"unitPrice":20.00}],
				 "shippingAddress":{"name":"Ada Lovelace","street":"Main St 1","city":"Berlin","postalCode":"10115","country":"DE"},
				 "placedAt":"2026-11-27T10:00:00Z"}"""
			.formatted(orderId);
	}

	/**
	 * Publishes a participant's reply.
	 * @param fields more JSON fields after {@code orderId}, each with a leading comma
	 * @return its message id
	 */
	private String reply(String topic, String type, String orderId, String fields) throws Exception {
		String messageId = UUID.randomUUID().toString();
		publish(topic, type, messageId, orderId, "{\"orderId\":\"" + orderId + "\"" + fields + "}", "participant");
		return messageId;
	}

	private void publish(String topic, String type, String messageId, String key, String payload, String correlation)
			throws Exception {
		topics.publish(topic, key, type, payload,
				Map.of(CloudEventHeaders.ID, messageId, CloudEventHeaders.CORRELATION_ID, correlation));
	}

	private ConsumerRecord<String, byte[]> awaitCommand(String orderId, String type) {
		return await((r) -> orderId.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE)));
	}

	private void awaitCommands(String orderId, String type, int count) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (commandsFor(orderId, type).size() < count) {
			assertThat(Instant.now()).as("%d x %s for %s within 30 s", count, type, orderId).isBefore(deadline);
			poll();
		}
	}

	private List<ConsumerRecord<String, byte[]>> commandsFor(String orderId, String type) {
		poll();
		return this.seen.stream()
			.filter((r) -> orderId.equals(r.key()) && type.equals(header(r, CloudEventHeaders.TYPE)))
			.toList();
	}

	private ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			var found = this.seen.stream().filter(match).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			poll();
		}
		throw new AssertionError("No matching record within 30 s among " + this.seen.size());
	}

	private void poll() {
		this.commands.poll(Duration.ofMillis(200)).forEach(this.seen::add);
	}

	private JsonNode awaitSagaState(String orderId, String state) throws Exception {
		return awaitSaga(orderId, (saga) -> state.equals(saga.get("state").asString()));
	}

	private JsonNode awaitSaga(String orderId, Predicate<JsonNode> match) throws Exception {
		Instant deadline = Instant.now().plusSeconds(30);
		JsonNode last = null;
		while (Instant.now().isBefore(deadline)) {
			JsonNode sagas = json.readTree(api.get("/sagas?orderId=" + orderId).body()).get("sagas");
			if (!sagas.isEmpty()) {
				last = json.readTree(api.get("/sagas/" + sagas.get(0).get("sagaId").asString()).body());
				if (match.test(last)) {
					return last;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Saga of order " + orderId + " did not match within 30 s; last: " + last);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return CloudEventHeaders.get(record, name);
	}

	/**
	 * The topics the order service and the participants create in a deployment.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ParticipantTopics {

		@Bean
		KafkaAdmin.NewTopics participantTopics() {
			return TopicDeclarations.of(3,
					List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS,
							Topics.ORDERS_COMMANDS, Topics.PAYMENTS_COMMANDS, Topics.INVENTORY_COMMANDS),
					List.of());
		}

	}

}
