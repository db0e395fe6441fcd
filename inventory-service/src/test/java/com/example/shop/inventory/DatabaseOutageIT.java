package com.example.shop.inventory;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.inventory.application.ProductCommands;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.testsupport.DatabaseOutageTests;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outage of {@link DatabaseOutageTests} for the inventory service: reading a
 * product's stock answers 503 while PostgreSQL is away, and the saga's
 * {@code ReserveInventory} sent meanwhile is reserved once it is back.
 */
@ServiceIntegrationTest
@DirtiesContext
class DatabaseOutageIT extends DatabaseOutageTests {

	private final Sku sku = new Sku("OUTAGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());

	private final String orderId = UUID.randomUUID().toString();

	@Autowired
	ProductCommands products;

	@DynamicPropertySource
	static void reachTheDatabaseThroughAProxy(DynamicPropertyRegistry registry) {
		proxyPostgres(registry);
	}

	@BeforeAll
	void createAProduct() {
		this.products.create(this.sku, 5, EventMetadata.newRequest("test", null));
	}

	@Override
	protected List<HttpRequest> requests() {
		return List.of(request("/products/" + this.sku.value()).GET().build());
	}

	@Override
	protected String topic() {
		return Topics.INVENTORY_COMMANDS;
	}

	@Override
	protected void publishDuringOutage() throws Exception {
		publish(this.orderId, "ReserveInventory", """
				{"orderId":"%s","lines":[{"sku":"%s","quantity":2}]}""".formatted(this.orderId, this.sku.value()));
	}

	@Override
	protected boolean applied() {
		return this.products.find(this.sku).levels().reserved() == 2;
	}

}
