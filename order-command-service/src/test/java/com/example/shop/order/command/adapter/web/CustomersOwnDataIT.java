package com.example.shop.order.command.adapter.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer acts on their own orders only, with real tokens of two demo customers: the
 * customer id of an order is theirs, another customer's order is answered like one that
 * does not exist, and the events they cause name them, whatever a header says.
 */
@ServiceIntegrationTest
class CustomersOwnDataIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Value("${local.server.port}")
	int port;

	@Test
	void aCustomerPlacesOrdersForThemselvesOnly() throws Exception {
		assertThat(place(TestPrincipal.ALICE, "C-000001").statusCode()).isEqualTo(201);

		HttpResponse<String> forBob = place(TestPrincipal.ALICE, "C-000002");
		assertThat(forBob.statusCode()).isEqualTo(403);
		assertThat(forBob.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aSalesChannelPlacesOrdersForAnyCustomer() throws Exception {
		assertThat(place(TestPrincipal.SALES, "C-000002").statusCode()).isEqualTo(201);
	}

	@Test
	void anotherCustomersOrderIsAnsweredLikeOneThatDoesNotExist() throws Exception {
		String order = orderId(place(TestPrincipal.ALICE, "C-000001"));

		HttpResponse<String> bobsView = send(TestPrincipal.BOB, "GET", "/orders/" + order + "/history", null);
		HttpResponse<String> nobodys = send(TestPrincipal.BOB, "GET",
				"/orders/0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b/history", null);
		assertThat(bobsView.statusCode()).isEqualTo(404);
		assertThat(nobodys.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(bobsView.body()).path("title").asString())
			.isEqualTo(this.json.readTree(nobodys.body()).path("title").asString());

		HttpResponse<String> bobCancels = send(TestPrincipal.BOB, "POST", "/orders/" + order + "/cancellation", null);
		assertThat(bobCancels.statusCode()).isEqualTo(404);

		assertThat(send(TestPrincipal.ALICE, "GET", "/orders/" + order + "/history", null).statusCode()).isEqualTo(200);
		assertThat(send(TestPrincipal.ALICE, "POST", "/orders/" + order + "/cancellation", null).statusCode())
			.as("Alice may cancel her own order")
			.isEqualTo(202);
	}

	@Test
	void theEventsNameThePrincipalOfTheTokenNotOfAHeader() throws Exception {
		String order = orderId(place(TestPrincipal.ALICE, "C-000001"));

		JsonNode history = this.json
			.readTree(send(TestPrincipal.OPERATIONS, "GET", "/orders/" + order + "/history", null).body());
		assertThat(history.path("events").get(0).path("metadata").path("principal").asString()).isEqualTo("alice");
	}

	private HttpResponse<String> place(TestPrincipal principal, String customerId) throws Exception {
		return send(principal, "POST", "/orders", """
				{"customerId":"%s",
				 "lines":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99,"currency":"EUR"}],
				 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115",
				                    "country":"DE"}}""".formatted(customerId));
	}

	private String orderId(HttpResponse<String> placed) {
		assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
		return this.json.readTree(placed.body()).path("orderId").asString();
	}

	private HttpResponse<String> send(TestPrincipal principal, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", principal.authorization())
			// a header that tries to name someone else: the token decides
			.header("X-User", "mallory");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.header("If-Match", "\"1\"").method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
