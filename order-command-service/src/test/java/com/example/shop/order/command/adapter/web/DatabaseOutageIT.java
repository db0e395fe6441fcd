package com.example.shop.order.command.adapter.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.testsupport.DatabaseOutageTests;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outage of {@link DatabaseOutageTests} for the order command service: placing an
 * order and reading an order's history answer 503 while PostgreSQL is away, and the
 * saga's {@code ConfirmOrder} sent meanwhile confirms the order once it is back.
 */
@ServiceIntegrationTest
@DirtiesContext
class DatabaseOutageIT extends DatabaseOutageTests {

	private static final String ORDER = """
			{"customerId":"C-000123",
			 "lines":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99,"currency":"EUR"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Analytical St","city":"London",
			                    "postalCode":"N1 9GU","country":"GB"}}""";

	private String orderId;

	@DynamicPropertySource
	static void reachTheDatabaseThroughAProxy(DynamicPropertyRegistry registry) {
		proxyPostgres(registry);
	}

	@BeforeAll
	void placeAnOrder() throws Exception {
		HttpResponse<String> placed = send(placeOrder());
		assertThat(placed.statusCode()).isEqualTo(201);
		this.orderId = placed.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
	}

	@Override
	protected List<HttpRequest> requests() {
		return List.of(placeOrder(), request("/orders/" + this.orderId + "/history").GET().build());
	}

	@Override
	protected String topic() {
		return Topics.ORDERS_COMMANDS;
	}

	/** The saga's command to confirm the order. */
	@Override
	protected void publishDuringOutage() throws Exception {
		publish(this.orderId, "ConfirmOrder", "{\"orderId\":\"" + this.orderId + "\"}");
	}

	@Override
	protected boolean applied() throws Exception {
		return send(request("/orders/" + this.orderId + "/history").GET().build()).body()
			.contains("\"OrderConfirmed\"");
	}

	private HttpRequest placeOrder() {
		return request("/orders").header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(ORDER))
			.build();
	}

}
