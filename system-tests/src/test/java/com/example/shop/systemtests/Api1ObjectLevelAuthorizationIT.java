package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
class Api1ObjectLevelAuthorizationIT extends ApiSecurityTest {

	private String sku;

	@BeforeAll
	void start() {
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

		assertLikeNothing(Service.ORDER_QUERY, "GET", "/orders/{id}", order, nobodys);
		assertLikeNothing(Service.ORDER_COMMAND, "GET", "/orders/{id}/history", order, nobodys);
		assertLikeNothing(Service.ORDER_COMMAND, "POST", "/orders/{id}/cancellation", order, nobodys);
		assertLikeNothing(Service.ORDER_QUERY, "GET", "/customers/{id}/orders", ALICE.customerId(), "C-999999");
		assertLikeNothing(Service.PAYMENT, "GET", "/accounts/{id}", ALICE.customerId(), "C-999999");

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
		// Bob's order is in the view before Alice's list is read, so that its absence
		// there means something
		assertThat(this.calls
			.await((response) -> response.statusCode() == 200,
					() -> this.calls.as(BOB, Service.ORDER_QUERY, "GET", "/orders/" + bobs, null))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> list = this.calls
			.await((response) -> response.statusCode() == 200 && response.body().contains(alices), () -> this.calls
				.as(ALICE, Service.ORDER_QUERY, "GET", "/customers/" + ALICE.customerId() + "/orders?size=100", null));

		assertThat(list.body()).contains(alices).doesNotContain(bobs);
		assertThat(this.calls.json(list).path("customerId").asString()).isEqualTo(ALICE.customerId());
	}

	/**
	 * Bob's call to {@code path} with Alice's id is 404 as problem details, word for word
	 * the answer with an id nobody has: nothing tells that Alice's exists.
	 */
	private void assertLikeNothing(Service service, String method, String path, String alices, String nobodys) {
		HttpResponse<String> someonesElse = this.calls.as(BOB, service, method, path.replace("{id}", alices), null,
				"If-Match", "\"1\"");
		HttpResponse<String> nobodysAnswer = this.calls.as(BOB, service, method, path.replace("{id}", nobodys), null,
				"If-Match", "\"1\"");
		assertProblem(someonesElse, 404);
		assertProblem(nobodysAnswer, 404);
		assertThat(someonesElse.body().replace(alices, "{id}")).as("%s %s", method, path)
			.isEqualTo(nobodysAnswer.body().replace(nobodys, "{id}"));
		assertThat(someonesElse.headers().firstValue("ETag")).isEmpty();
	}

}
