package com.example.shop.saga;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga that nothing moves shows as stuck: here the deadline poller runs once at start
 * and then not for an hour, as if it had died, so a saga whose charge nobody answers
 * stays past its 1 s deadline. Once it is more than {@code stuck-after} (1 s) past it,
 * {@code GET /sagas/stuck} lists it and the gauge {@code sagas.stuck} counts it.
 */
@ServiceIntegrationTest
@Import(OrderFulfillmentIT.ParticipantTopics.class)
@TestPropertySource(properties = { "shop.saga.default-step.timeout=1s", "shop.saga.deadline-poll-interval=1h",
		"shop.saga.stuck-after=1s" })
class StuckSagasIT {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ServiceApi api;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSagaNothingMovesPastItsDeadlineIsListedAndCounted() throws Exception {
		String orderId = UUID.randomUUID().toString();
		ProducerRecord<String, String> placed = new ProducerRecord<>(Topics.ORDERS_EVENTS, orderId, """
				{"orderId":"%s","customerId":"C-000042","currency":"EUR","total":20.00,
				 "lines":[{"sku":"SKU-1001","quantity":1,"unitPrice":20.00}],"recipient":"Ada Lovelace",
				 "shippingAddress":{"street":"Main St 1","city":"Berlin","postalCode":"10115","country":"DE"},
				 "placedAt":"2026-12-03T10:00:00Z"}""".formatted(orderId));
		placed.headers().add(CloudEventHeaders.TYPE, "OrderPlaced".getBytes(StandardCharsets.UTF_8));
		placed.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		placed.headers()
			.add(CloudEventHeaders.DATA_SCHEMA, "urn:shop:message:OrderPlaced:v2".getBytes(StandardCharsets.UTF_8));
		kafka.send(placed).get(10, TimeUnit.SECONDS);

		// listed as stuck
		JsonNode listed = Eventually.await(Duration.ofSeconds(30),
				() -> json.readTree(api.get("/sagas/stuck").body())
					.path("sagas")
					.valueStream()
					.filter((saga) -> orderId.equals(saga.path("orderId").asString()))
					.findFirst()
					.orElse(null));

		assertThat(listed.path("state").asString()).isEqualTo("PROCESSING");
		assertThat(listed.path("step").asString()).isEqualTo("CHARGE_PAYMENT");
		assertThat(json.readTree(api.get("/sagas/stuck").body()).path("stuckAfterSeconds").asLong()).isEqualTo(1);
		// the gauges are refreshed every 5 s
		Eventually.awaitTrue(Duration.ofSeconds(20), () -> meters.get("sagas.stuck").gauge().value() >= 1);
	}

}
