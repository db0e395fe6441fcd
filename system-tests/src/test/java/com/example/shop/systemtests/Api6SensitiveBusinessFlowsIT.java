package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.ALICE;
import static com.example.shop.platform.testsupport.TestPrincipal.BOB;
import static com.example.shop.platform.testsupport.TestPrincipal.FINANCE;
import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API6: unrestricted access to sensitive business
 * flows. The flows that move money or stock cannot be driven by the wrong hands or
 * automated past what a person does: a customer cannot put money into an account or take
 * stock; a checkout repeated with its idempotency key places one order and charges once;
 * a cancellation must name the version its sender saw; and a person who scripts checkouts
 * is slowed to their rate.
 */
class Api6SensitiveBusinessFlowsIT extends ApiSecurityTest {

	private String sku;

	@BeforeAll
	void start() {
		this.calls.accountOpen(ALICE.customerId(), "500.00");
		this.sku = this.calls.product(100);
	}

	@Test
	void aCustomerCannotMakeMoneyOrStock() {
		assertProblem(this.calls.as(ALICE, Service.PAYMENT, "POST", "/accounts/" + ALICE.customerId() + "/deposits",
				"{\"amount\":1000,\"currency\":\"EUR\"}"), 403);
		assertProblem(this.calls.as(ALICE, Service.PAYMENT, "POST", "/accounts",
				"{\"customerId\":\"C-000001\",\"currency\":\"EUR\",\"initialBalance\":1000}"), 403);
		assertProblem(this.calls.as(ALICE, Service.INVENTORY, "POST", "/products/" + this.sku + "/restocks",
				"{\"quantity\":1000}", "Idempotency-Key", UUID.randomUUID().toString()), 403);
	}

	@Test
	void aCheckoutRepeatedWithItsKeyPlacesOneOrderAndChargesOnce() {
		String key = UUID.randomUUID().toString();
		String body = ApiCalls.order(ALICE.customerId(), this.sku);
		HttpResponse<String> first = this.calls.as(ALICE, Service.ORDER_COMMAND, "POST", "/orders", body,
				"Idempotency-Key", key);
		HttpResponse<String> again = this.calls.as(ALICE, Service.ORDER_COMMAND, "POST", "/orders", body,
				"Idempotency-Key", key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String order = this.calls.json(first).get("orderId").asString();
		assertThat(this.calls.json(again).get("orderId").asString()).isEqualTo(order);
		HttpResponse<String> account = this.calls.await(
				(response) -> this.calls.json(response).path("charges").findValuesAsString("orderId").contains(order),
				() -> this.calls.as(FINANCE, Service.PAYMENT, "GET", "/accounts/" + ALICE.customerId(), null));
		assertThat(this.calls.json(account).path("charges").findValuesAsString("orderId")).filteredOn(order::equals)
			.hasSize(1);
	}

	@Test
	void aCancellationMustNameTheVersionItsSenderSaw() {
		String order = this.calls.place(ALICE, ALICE.customerId(), this.sku);

		assertProblem(this.calls.as(ALICE, Service.ORDER_COMMAND, "POST", "/orders/" + order + "/cancellation", null),
				428);
	}

	@Test
	void aPersonScriptingCheckoutsIsSlowedToTheirRate() {
		// malformed, so that an admitted call places nothing: the rate is checked first
		List<Integer> statuses = ApiCalls
			.untilLimited(1000, () -> this.calls.as(BOB, Service.ORDER_COMMAND, "POST", "/orders", "{\"lines\":",
					"Idempotency-Key", UUID.randomUUID().toString()))
			.stream()
			.map(HttpResponse::statusCode)
			.toList();

		assertThat(statuses).endsWith(429).containsOnly(400, 429);
		// the tests after this one call as Bob again
		ShopClient.pause(Duration.ofSeconds(3));
	}

}
