package com.example.shop.order.query;

import java.net.http.HttpRequest;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.order.query.OrderHistory.Published;
import com.example.shop.order.query.summary.OrderSummary;
import com.example.shop.platform.testsupport.DatabaseOutageTests;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.example.shop.order.query.OrderHistory.anOrder;

/**
 * The outage of {@link DatabaseOutageTests} for the query service: reading an order and a
 * customer's orders answer 503 while MongoDB is away, and the order's next event,
 * published meanwhile, is applied once it is back.
 */
@ServiceIntegrationTest
@DirtiesContext
@Import(QueryTestDriver.Configuration.class)
class DatabaseOutageIT extends DatabaseOutageTests {

	private final OrderHistory history = anOrder().placed().confirmed();

	private final List<Published> events = this.history.ordersEvents();

	@Autowired
	QueryTestDriver driver;

	@DynamicPropertySource
	static void reachMongoThroughAProxy(DynamicPropertyRegistry registry) {
		proxyMongo(registry);
	}

	@BeforeAll
	void placeAnOrder() {
		this.driver.publish(this.events.get(0));
		this.driver.awaitVersion(this.history.orderId(), 1);
	}

	@Override
	protected List<HttpRequest> requests() {
		return List.of(request("/orders/" + this.history.orderId()).GET().build(),
				request("/customers/C-000123/orders").GET().build());
	}

	@Override
	protected String topic() {
		return Topics.ORDERS_EVENTS;
	}

	@Override
	protected void publishDuringOutage() {
		this.driver.publish(this.events.get(1));
	}

	@Override
	protected boolean applied() {
		OrderSummary summary = this.driver.summary(this.history.orderId());
		return summary != null && summary.version() >= 2;
	}

}
