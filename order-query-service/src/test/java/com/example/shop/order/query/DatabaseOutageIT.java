package com.example.shop.order.query;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.order.query.OrderHistory.Published;
import com.example.shop.platform.testsupport.Eventually;
import com.example.shop.platform.testsupport.ListenerFailures;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TcpProxy;
import com.example.shop.platform.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.example.shop.order.query.OrderHistory.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service reaches MongoDB through a TCP proxy that the test cuts, as an outage would:
 * reads fail fast with 503 problem details and {@code Retry-After}, readiness turns DOWN,
 * and an event that arrives meanwhile is applied once MongoDB is back, however often it
 * failed before, instead of being dead-lettered. The context is closed afterwards so its
 * listeners leave the consumer group.
 */
@ServiceIntegrationTest
@DirtiesContext
@Import(QueryTestDriver.Configuration.class)
class DatabaseOutageIT {

	private static TcpProxy mongo;

	@Autowired
	QueryTestDriver driver;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void reachMongoThroughAProxy(DynamicPropertyRegistry registry) {
		String uri = TestInfrastructure.get().mongoUri();
		mongo = TcpProxy.to(uri);
		registry.add("spring.mongodb.uri", () -> mongo.rewrite(uri));
	}

	@AfterAll
	static void closeProxy() {
		mongo.close();
	}

	@Test
	void readsAre503WhileMongoDbIsDownAndAnEventThatArrivesMeanwhileIsAppliedAfter() {
		OrderHistory history = anOrder().placed().confirmed();
		List<Published> events = history.ordersEvents();
		String order = "/orders/" + history.orderId();
		this.driver.publish(events.get(0));
		this.driver.awaitVersion(history.orderId(), 1);
		assertThat(this.driver.get(order).statusCode()).isEqualTo(200);
		double deadLetters = deadLetters();

		mongo.cut();
		try {
			Instant start = Instant.now();
			HttpResponse<String> during = this.driver.get(order);
			Duration took = Duration.between(start, Instant.now());

			assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
			assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(during.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(during.body()).contains("\"status\":503").doesNotContain("Exception");
			assertThat(took).as("time to answer during the outage").isLessThan(Duration.ofSeconds(6));
			assertThat(this.driver.get("/customers/C-000123/orders").statusCode()).isEqualTo(503);
			assertThat(this.driver.get("/readyz").statusCode()).isEqualTo(503);

			double failures = ListenerFailures.count(this.meters);
			this.driver.publish(events.get(1));
			// more failed deliveries than the three after which a failing record is
			// dead-lettered
			Eventually.awaitTrue(Duration.ofSeconds(90), () -> ListenerFailures.count(this.meters) >= failures + 4);
		}
		finally {
			mongo.restore();
		}

		this.driver.awaitVersion(history.orderId(), 2);
		assertThat(this.driver.get(order).statusCode()).isEqualTo(200);
		assertThat(deadLetters()).as("dead letters of orders.events").isEqualTo(deadLetters);
	}

	private double deadLetters() {
		return this.meters.get("inbox.dead.letters").tag("topic", Topics.ORDERS_EVENTS).counter().count();
	}

}
