package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.example.shop.platform.testsupport.TestPrincipal.ALICE;
import static com.example.shop.platform.testsupport.TestPrincipal.BOB;
import static com.example.shop.platform.testsupport.TestPrincipal.SALES;
import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API1: broken object level authorization. A customer
 * reaches their own orders, history and account in every service, and another customer's
 * only as if they did not exist (404, the same answer as for an id nobody has), whatever
 * id they put in a path or a body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Api1ObjectLevelAuthorizationIT {

	private ApiCalls calls;

	private String sku;

	@BeforeAll
	void start() {
		this.calls = new ApiCalls(SystemUnderTest.get());
		this.calls.accountOpen(ALICE.customerId(), "500.00");
		this.calls.accountOpen(BOB.customerId(), "500.00");
		this.sku = this.calls.product(100);
	}

	@Test
	void anotherCustomersOrderHistoryListAndAccountAreAnsweredLikeOnesThatDoNotExist() {
		String order = this.calls.place(ALICE, ALICE.customerId(), this.sku);
		String nobodys = UUID.randomUUID().toString();
		HttpResponse<String> own = this.calls.await((response) -> response.statusCode() == 200,
				() -> this.calls.as(ALICE, Service.ORDER_QUERY, "GET", "/orders/" + order, null));
		assertThat(own.statusCode()).as("Alice reads her own order").isEqualTo(200);

		assertLikeNothing(this.calls.as(BOB, Service.ORDER_QUERY, "GET", "/orders/" + order, null),
				this.calls.as(BOB, Service.ORDER_QUERY, "GET", "/orders/" + nobodys, null));
		assertLikeNothing(this.calls.as(BOB, Service.ORDER_COMMAND, "GET", "/orders/" + order + "/history", null),
				this.calls.as(BOB, Service.ORDER_COMMAND, "GET", "/orders/" + nobodys + "/history", null));
		assertLikeNothing(
				this.calls.as(BOB, Service.ORDER_COMMAND, "POST", "/orders/" + order + "/cancellation", null,
						"If-Match", "\"1\""),
				this.calls.as(BOB, Service.ORDER_COMMAND, "POST", "/orders/" + nobodys + "/cancellation", null,
						"If-Match", "\"1\""));
		assertLikeNothing(
				this.calls.as(BOB, Service.ORDER_QUERY, "GET", "/customers/" + ALICE.customerId() + "/orders", null),
				this.calls.as(BOB, Service.ORDER_QUERY, "GET", "/customers/C-999999/orders", null));
		assertLikeNothing(this.calls.as(BOB, Service.PAYMENT, "GET", "/accounts/" + ALICE.customerId(), null),
				this.calls.as(BOB, Service.PAYMENT, "GET", "/accounts/C-999999", null));

		HttpResponse<String> history = this.calls.as(ALICE, Service.ORDER_COMMAND, "GET",
				"/orders/" + order + "/history", null);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(this.calls.json(history).findValuesAsString("type")).as("Bob's cancellation took no effect")
			.doesNotContain("OrderCancellationRequested");
	}

	@Test
	void aCustomerCannotActForAnotherByNamingThemInTheBody() {
		HttpResponse<String> forAlice = this.calls.as(BOB, Service.ORDER_COMMAND, "POST", "/orders",
				ApiCalls.order(ALICE.customerId(), this.sku), "Idempotency-Key", UUID.randomUUID().toString());

		assertProblem(forAlice, 403);
		assertThat(this.calls.place(SALES, ALICE.customerId(), this.sku)).as("a sales channel orders for anyone")
			.isNotBlank();
	}

	@Test
	void aCustomersOwnListHoldsOnlyTheirOrders() {
		String alices = this.calls.place(ALICE, ALICE.customerId(), this.sku);
		String bobs = this.calls.place(BOB, BOB.customerId(), this.sku);

		HttpResponse<String> list = this.calls
			.await((response) -> response.statusCode() == 200 && response.body().contains(alices), () -> this.calls
				.as(ALICE, Service.ORDER_QUERY, "GET", "/customers/" + ALICE.customerId() + "/orders?size=100", null));

		assertThat(list.body()).contains(alices).doesNotContain(bobs);
		assertThat(this.calls.json(list).path("customerId").asString()).isEqualTo(ALICE.customerId());
	}

	/** 404 as problem details, and nothing that tells it from the answer for no order. */
	private void assertLikeNothing(HttpResponse<String> someonesElse, HttpResponse<String> nobodys) {
		assertProblem(someonesElse, 404);
		assertProblem(nobodys, 404);
		assertThat(this.calls.json(someonesElse).path("title").asString())
			.isEqualTo(this.calls.json(nobodys).path("title").asString());
		assertThat(someonesElse.headers().firstValue("ETag")).isEmpty();
	}

}
