package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.ALICE;
import static com.example.shop.platform.testsupport.TestPrincipal.FINANCE;
import static com.example.shop.platform.testsupport.TestPrincipal.OPERATIONS;
import static com.example.shop.platform.testsupport.TestPrincipal.SALES;
import static com.example.shop.platform.testsupport.TestPrincipal.WAREHOUSE;
import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API4: unrestricted resource consumption. Bodies,
 * lists in bodies, pages and headers have limits, and each person a rate: past any of
 * them the answer is problem details (413, 400, 431 or 400, 429 with
 * {@code Retry-After}), before any work is done.
 */
class Api4ResourceConsumptionIT extends ApiSecurityTest {

	/** A body well past the 64 KB every service takes. */
	private static final String HUGE = "{\"padding\":\"" + "x".repeat(200_000) + "\"}";

	@Test
	void aBodyPastTheLimitIs413OnEveryServiceThatTakesOne() {
		assertProblem(this.calls.as(SALES, Service.ORDER_COMMAND, "POST", "/orders", HUGE), 413);
		assertProblem(this.calls.as(FINANCE, Service.PAYMENT, "POST", "/accounts", HUGE), 413);
		assertProblem(this.calls.as(WAREHOUSE, Service.INVENTORY, "PUT", "/products/SKU-HUGE", HUGE), 413);
	}

	@Test
	void anOrderWithMoreLinesThanAllowedIs400() {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			lines.add("{\"sku\":\"SKU-%d\",\"quantity\":1,\"unitPrice\":1.00,\"currency\":\"EUR\"}".formatted(i));
		}
		String body = """
				{"customerId":"C-000001","lines":[%s],"shippingAddress":{"name":"Ada","street":"Main St 1",
				 "city":"Berlin","postalCode":"10115","country":"DE"}}""".formatted(String.join(",", lines));

		HttpResponse<String> response = this.calls.as(SALES, Service.ORDER_COMMAND, "POST", "/orders", body,
				"Idempotency-Key", UUID.randomUUID().toString());

		assertProblem(response, 400);
		assertThat(response.body()).contains("lines");
	}

	@Test
	void aPageLargerThanAllowedIsRefusedOrCapped() {
		assertProblem(this.calls.as(OPERATIONS, Service.SAGA, "GET", "/sagas?size=100000", null), 400);
		HttpResponse<String> capped = this.calls.as(ALICE, Service.ORDER_QUERY, "GET",
				"/customers/" + ALICE.customerId() + "/orders?size=100000", null);
		assertThat(capped.statusCode()).isEqualTo(200);
		assertThat(this.calls.json(capped).get("size").asInt()).isEqualTo(100);
	}

	@Test
	void headersPastTheLimitAreRefusedAsProblemDetails() {
		HttpResponse<String> response = this.calls.as(OPERATIONS, Service.SAGA, "GET", "/sagas", null, "X-Padding",
				"x".repeat(20_000));

		assertThat(response.statusCode()).isIn(400, 431);
		assertProblem(response, response.statusCode());
	}

	@Test
	void aPersonPastTheirRateIs429WithRetryAfterAndAMachineClientIsNot() {
		List<HttpResponse<String>> answers = ApiCalls.untilLimited(1000,
				() -> this.calls.as(WAREHOUSE, Service.INVENTORY, "GET", "/products/SKU-RATE", null));
		HttpResponse<String> limited = answers.getLast();
		assertProblem(limited, 429);
		assertThat(answers.size()).as("calls before the first 429").isGreaterThan(40);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());

		for (int i = 0; i < answers.size() + 50; i++) {
			assertThat(this.calls.as(SALES, Service.INVENTORY, "GET", "/products/SKU-RATE", null).statusCode())
				.isNotEqualTo(429);
		}
		// the tests after this one call as Wendy again
		ShopClient.pause(Duration.ofSeconds(3));
	}

}
