package com.example.shop.order.query;

import java.net.http.HttpResponse;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static com.example.shop.order.query.OrderHistory.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer reads their own orders only, with real tokens of two demo customers: another
 * customer's order and order list are answered like ones that do not exist.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class CustomersOwnDataIT {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	@Test
	void aCustomerReadsTheirOwnOrderAndNotAnotherCustomers() {
		OrderHistory alices = anOrder().by(TestPrincipal.ALICE.customerId()).placed();
		alices.events().forEach(this.driver::publish);
		this.driver.awaitVersion(alices.orderId(), 1);

		assertThat(this.driver.get("/orders/" + alices.orderId(), TestPrincipal.ALICE).statusCode()).isEqualTo(200);
		assertThat(this.driver.get("/orders/" + alices.orderId(), TestPrincipal.SALES).statusCode()).isEqualTo(200);

		HttpResponse<String> bobs = this.driver.get("/orders/" + alices.orderId(), TestPrincipal.BOB);
		HttpResponse<String> nobodys = this.driver.get("/orders/0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b",
				TestPrincipal.BOB);
		assertThat(bobs.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(bobs.body()).path("title").asString())
			.isEqualTo(this.json.readTree(nobodys.body()).path("title").asString());
	}

	@Test
	void waitingForAVersionOfAnotherCustomersOrderRevealsNothingEither() {
		OrderHistory alices = anOrder().by(TestPrincipal.ALICE.customerId()).placed();
		alices.events().forEach(this.driver::publish);
		this.driver.awaitVersion(alices.orderId(), 1);

		HttpResponse<String> bobs = this.driver.get("/orders/" + alices.orderId() + "?minVersion=1", TestPrincipal.BOB);
		HttpResponse<String> nobodys = this.driver.get("/orders/0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b?minVersion=1",
				TestPrincipal.BOB);
		assertThat(bobs.statusCode()).isEqualTo(nobodys.statusCode()).isEqualTo(503);
		assertThat(this.json.readTree(bobs.body()).path("currentVersion").asLong()).isZero();
	}

	@Test
	void aCustomerListsTheirOwnOrdersOnly() {
		OrderHistory alices = anOrder().by(TestPrincipal.ALICE.customerId()).placed();
		alices.events().forEach(this.driver::publish);
		this.driver.awaitVersion(alices.orderId(), 1);

		HttpResponse<String> own = this.driver.get("/customers/C-000001/orders", TestPrincipal.ALICE);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(own.body()).path("orders").findValuesAsString("orderId"))
			.contains(alices.orderId());

		assertThat(this.driver.get("/customers/C-000001/orders", TestPrincipal.BOB).statusCode()).isEqualTo(404);
		assertThat(this.driver.get("/customers/C-000002/orders", TestPrincipal.BOB).statusCode()).isEqualTo(200);
	}

}
