package com.example.shop.systemtests;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.example.shop.platform.testsupport.TestPrincipal.ALICE;
import static com.example.shop.platform.testsupport.TestPrincipal.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API3: broken object property level authorization
 * (mass assignment). A client sets only the fields of its request's schema: an order's
 * id, status, total and version come from the service whatever the body says, and a
 * deposit changes the balance of the account in its path by its amount, whatever customer
 * or balance the body names. What answers may hold is checked for every operation by the
 * contract tests ({@code ApiContract}): no field outside the documented schema.
 */
class Api3ObjectPropertyLevelAuthorizationIT extends ApiSecurityTest {

	@BeforeAll
	void start() {
		this.calls.accountOpen(ALICE.customerId(), "500.00");
	}

	@Test
	void anOrdersIdStatusTotalAndVersionAreTheServicesNotTheClients() {
		String sku = this.calls.product(10);
		String chosenId = UUID.randomUUID().toString();
		String body = ApiCalls.order(ALICE.customerId(), sku)
			.replaceFirst("\\{", "{\"orderId\":\"" + chosenId + "\",\"status\":\"CONFIRMED\",\"total\":0.01,"
					+ "\"version\":99,\"paid\":true,");

		HttpResponse<String> placed = this.calls.as(ALICE, Service.ORDER_COMMAND, "POST", "/orders", body,
				"Idempotency-Key", UUID.randomUUID().toString());

		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		JsonNode answer = this.calls.json(placed);
		String orderId = answer.get("orderId").asString();
		assertThat(orderId).isNotEqualTo(chosenId);
		assertThat(answer.get("version").asLong()).isEqualTo(1);
		HttpResponse<String> history = this.calls.as(ALICE, Service.ORDER_COMMAND, "GET",
				"/orders/" + orderId + "/history", null);
		JsonNode placedEvent = this.calls.json(history).path("events").get(0);
		assertThat(placedEvent.path("type").asString()).isEqualTo("OrderPlaced");
		// the order as it was placed, before the saga moved it on
		JsonNode placedOrder = this.calls.json(this.calls.as(ALICE, Service.ORDER_COMMAND, "GET",
				"/orders/" + orderId + "/history?asOf=" + placedEvent.path("timestamp").asString(), null));
		assertThat(placedOrder.path("version").asLong()).as(placedOrder.toString()).isEqualTo(1);
		assertThat(placedOrder.path("state").path("status").asString()).isEqualTo("PENDING");
		assertThat(placedOrder.path("state").path("total").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(this.calls.as(ALICE, Service.ORDER_COMMAND, "GET", "/orders/" + chosenId + "/history", null)
			.statusCode()).as("no order under the id the client chose").isEqualTo(404);
	}

	@Test
	void aDepositChangesOnlyTheBalanceOfTheAccountInItsPathByItsAmount() {
		String target = "C-" + (700000 + (int) (Math.random() * 99999));
		String bystander = "C-" + (800000 + (int) (Math.random() * 99999));
		this.calls.accountOpen(target, "5.00");
		this.calls.accountOpen(bystander, "5.00");

		HttpResponse<String> deposit = this.calls
			.as(FINANCE, Service.PAYMENT, "POST", "/accounts/" + target + "/deposits", """
					{"amount":10.00,"currency":"EUR","customerId":"%s","balance":1000000,"initialBalance":1000000}"""
				.formatted(bystander), "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);
		assertThat(balance(target)).isEqualByComparingTo("15.00");
		assertThat(balance(bystander)).isEqualByComparingTo("5.00");
	}

	private BigDecimal balance(String customerId) {
		HttpResponse<String> account = this.calls.as(FINANCE, Service.PAYMENT, "GET", "/accounts/" + customerId, null);
		assertThat(account.statusCode()).isEqualTo(200);
		return this.calls.json(account).get("balance").decimalValue();
	}

}
