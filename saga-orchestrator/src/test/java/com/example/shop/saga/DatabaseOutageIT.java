package com.example.shop.saga;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.testsupport.DatabaseOutageTests;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outage of {@link DatabaseOutageTests} for the saga orchestrator: listing an order's
 * sagas answers 503 while PostgreSQL is away, and an {@code OrderPlaced} published
 * meanwhile starts its saga once it is back.
 */
@ServiceIntegrationTest
@DirtiesContext
@Import(OrderFulfillmentIT.ParticipantTopics.class)
class DatabaseOutageIT extends DatabaseOutageTests {

	private final String orderId = UUID.randomUUID().toString();

	@DynamicPropertySource
	static void reachTheDatabaseThroughAProxy(DynamicPropertyRegistry registry) {
		proxyPostgres(registry);
	}

	@Override
	protected List<HttpRequest> requests() {
		return List.of(sagasOfTheOrder());
	}

	@Override
	protected String topic() {
		return Topics.ORDERS_EVENTS;
	}

	/** An {@code OrderPlaced} of schema version 1, as it has no {@code ce_dataschema}. */
	@Override
	protected void publishDuringOutage() throws Exception {
		publish(this.orderId, "OrderPlaced", """
				{"orderId":"%s","customerId":"C-000042","currency":"EUR","total":19.90,
				 "lines":[{"sku":"SKU-1001","quantity":1,"unitPrice":19.90}],
				 "shippingAddress":{"name":"Ada Lovelace","street":"Main St 1","city":"Berlin","postalCode":"10115",
				                    "country":"DE"},
				 "placedAt":"2026-11-27T10:00:00Z"}""".formatted(this.orderId));
	}

	@Override
	protected boolean applied() throws Exception {
		return send(sagasOfTheOrder()).body().contains("\"sagaId\"");
	}

	private HttpRequest sagasOfTheOrder() {
		return request("/sagas?orderId=" + this.orderId).GET().build();
	}

}
