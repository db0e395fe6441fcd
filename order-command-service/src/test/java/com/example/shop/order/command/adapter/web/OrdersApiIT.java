package com.example.shop.order.command.adapter.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.example.shop.platform.eventing.RetentionPurge;
import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.example.shop.platform.testsupport.ServiceApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command API over HTTP against the running service: every status code it promises.
 */
@ServiceIntegrationTest
class OrdersApiIT {

	private static final String ORDER = """
			{"customerId":"C-000123",
			 "lines":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99,"currency":"EUR"},
			          {"sku":"SKU-2","quantity":1,"unitPrice":5.00,"currency":"EUR"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Analytical St","city":"London",
			                    "postalCode":"N1 9GU","country":"GB"}}""";

	@Autowired
	ServiceApi api;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("idempotencyKeyPurge")
	RetentionPurge idempotencyKeyPurge;

	@Test
	void placesAnOrderWithItsVersionAndLocation() throws Exception {
		HttpResponse<String> response = api.post("/orders", ORDER, "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(response.body());
		String orderId = body.get("orderId").asString();
		assertThat(body.get("version").asLong()).isEqualTo(1);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(response.headers().firstValue("Location")).hasValue("http://127.0.0.1:8082/orders/" + orderId);
	}

	@Test
	void theSameIdempotencyKeyAndBodyPlaceOneOrder() throws Exception {
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = api.post("/orders", ORDER, "Idempotency-Key", key);
		HttpResponse<String> retry = api.post("/orders", ORDER, "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(json.readTree(retry.body()).get("orderId")).isEqualTo(json.readTree(first.body()).get("orderId"));
	}

	@Test
	void concurrentRequestsThatShareACommitEachGetTheirOwnOutcome() throws Exception {
		String repeated = UUID.randomUUID().toString();
		String reused = UUID.randomUUID().toString();
		String otherOrder = ORDER.replace("C-000123", "C-000456");
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			requests.add(() -> api.post("/orders", ORDER, "Idempotency-Key", UUID.randomUUID().toString()));
		}
		for (int i = 0; i < 4; i++) {
			requests.add(() -> api.post("/orders", ORDER, "Idempotency-Key", repeated));
		}
		requests.add(() -> api.post("/orders", ORDER, "Idempotency-Key", reused));
		requests.add(() -> api.post("/orders", otherOrder, "Idempotency-Key", reused));
		requests.add(() -> api.post("/orders", ORDER.replace("\"quantity\":2", "\"quantity\":0"), "Idempotency-Key",
				UUID.randomUUID().toString()));

		List<HttpResponse<String>> responses = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			for (Future<HttpResponse<String>> response : clients.invokeAll(requests)) {
				responses.add(response.get(30, TimeUnit.SECONDS));
			}
		}

		List<HttpResponse<String>> fresh = responses.subList(0, 24);
		assertThat(fresh).extracting(HttpResponse::statusCode).containsOnly(201);
		assertThat(fresh).extracting((response) -> json.readTree(response.body()).get("orderId").asString())
			.doesNotHaveDuplicates();
		List<HttpResponse<String>> repeats = responses.subList(24, 28);
		assertThat(repeats).extracting(HttpResponse::statusCode).containsOnly(201);
		assertThat(repeats).extracting((response) -> json.readTree(response.body()).get("orderId").asString())
			.as("one order for the repeated key")
			.containsOnly(json.readTree(repeats.get(0).body()).get("orderId").asString());
		assertThat(responses.subList(28, 30)).extracting(HttpResponse::statusCode)
			.as("the first request with the key places the order, the other body is refused")
			.containsExactlyInAnyOrder(201, 422);
		assertProblem(responses.get(30), 400);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE key IN (?, ?)", Integer.class,
				repeated, reused))
			.isEqualTo(2);
	}

	@Test
	void anIdempotencyKeyIsForgottenAfterItsRetention() throws Exception {
		String expired = UUID.randomUUID().toString();
		String kept = UUID.randomUUID().toString();
		HttpResponse<String> first = api.post("/orders", ORDER, "Idempotency-Key", expired);
		HttpResponse<String> other = api.post("/orders", ORDER, "Idempotency-Key", kept);
		// the default retention is 24 h
		jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ?", expired);

		assertThat(idempotencyKeyPurge.purge()).isGreaterThanOrEqualTo(1);

		HttpResponse<String> late = api.post("/orders", ORDER, "Idempotency-Key", expired);
		HttpResponse<String> retry = api.post("/orders", ORDER, "Idempotency-Key", kept);
		assertThat(late.statusCode()).isEqualTo(201);
		assertThat(json.readTree(late.body()).get("orderId")).isNotEqualTo(json.readTree(first.body()).get("orderId"));
		assertThat(json.readTree(retry.body()).get("orderId")).isEqualTo(json.readTree(other.body()).get("orderId"));
	}

	@Test
	void theSameIdempotencyKeyWithAnotherBodyIs422() throws Exception {
		String key = UUID.randomUUID().toString();
		api.post("/orders", ORDER, "Idempotency-Key", key);

		HttpResponse<String> other = api.post("/orders", ORDER.replace("\"quantity\":2", "\"quantity\":3"),
				"Idempotency-Key", key);

		assertProblem(other, 422);
		assertThat(other.body()).contains("already used for a different request");
	}

	@Test
	void aTooLongIdempotencyKeyOrOneWithASpaceIs400() throws Exception {
		for (String key : List.of("k".repeat(256), "two words")) {
			HttpResponse<String> response = api.post("/orders", ORDER, "Idempotency-Key", key);

			assertProblem(response, 400);
			assertThat(response.body()).contains("Idempotency-Key must be 1 to 255 visible ASCII characters");
		}
		assertThat(api.post("/orders", ORDER, "Idempotency-Key", "k".repeat(255)).statusCode()).isEqualTo(201);
	}

	@Test
	void invalidFieldsAre400WithEachField() throws Exception {
		HttpResponse<String> response = api.post("/orders",
				ORDER.replace("C-000123", "bob")
					.replace("\"quantity\":2", "\"quantity\":0")
					.replace("\"GB\"", "\"UK!\""));

		assertProblem(response, 400);
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors.findValuesAsString("field")).contains("customerId", "lines[0].quantity",
				"shippingAddress.country");
	}

	@Test
	void noLinesIs400() throws Exception {
		assertProblem(api.post("/orders", ORDER.replaceAll("(?s)\"lines\":\\[.*?\\]\\s*,", "\"lines\":[],")), 400);
	}

	@Test
	void malformedJsonIs400() throws Exception {
		HttpResponse<String> response = api.post("/orders", "{\"customerId\": ");

		assertProblem(response, 400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
	}

	@Test
	void linesInTwoCurrenciesAre422() throws Exception {
		HttpResponse<String> response = api.post("/orders",
				ORDER.replace("\"currency\":\"EUR\"}]", "\"currency\":\"USD\"}]"));

		assertProblem(response, 422);
		assertThat(response.body()).contains("one currency");
	}

	@Test
	void aBodyOverTheLimitIs413() throws Exception {
		String huge = ORDER.replace("Ada Lovelace", "A".repeat(70_000));

		assertProblem(api.post("/orders", huge), 413);
	}

	@Test
	void aChunkedBodyOverTheLimitIs413() throws Exception {
		String huge = ORDER.replace("Ada Lovelace", "A".repeat(70_000));

		assertProblem(api.postChunked("/orders", huge), 413);
	}

	@Test
	void cancellationNeedsIfMatch() throws Exception {
		String orderId = placeOrder();

		HttpResponse<String> response = api.post("/orders/" + orderId + "/cancellation", "");

		assertProblem(response, 428);
	}

	@Test
	void cancellationAtTheCurrentVersionIsAcceptedAndAStaleOneConflicts() throws Exception {
		String orderId = placeOrder();

		HttpResponse<String> stale = api.post("/orders/" + orderId + "/cancellation", "", "If-Match", "\"7\"");
		HttpResponse<String> accepted = api.post("/orders/" + orderId + "/cancellation", "", "If-Match", "\"1\"");
		HttpResponse<String> again = api.post("/orders/" + orderId + "/cancellation", "", "If-Match", "\"2\"");

		assertProblem(stale, 409);
		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(accepted.headers().firstValue("ETag")).hasValue("\"2\"");
		assertProblem(again, 409);
		assertThat(again.body()).contains("CANCELLATION_REQUESTED");
	}

	@Test
	void unknownOrdersAre404() throws Exception {
		assertProblem(api.post("/orders/" + UUID.randomUUID() + "/cancellation", "", "If-Match", "\"1\""), 404);
		assertProblem(api.get("/orders/not-a-uuid/history"), 404);
		assertProblem(api.get("/orders/" + UUID.randomUUID() + "/history"), 404);
	}

	@Test
	void historyShowsEventsWithMetadataAndTheStateAsOfAnInstant() throws Exception {
		String orderId = placeOrder();
		Thread.sleep(20);
		Instant between = Instant.now();
		Thread.sleep(20);
		api.post("/orders/" + orderId + "/cancellation", "", "If-Match", "\"1\"");

		JsonNode now = json.readTree(api.get("/orders/" + orderId + "/history").body());
		JsonNode then = json.readTree(api.get("/orders/" + orderId + "/history?asOf=" + between).body());
		JsonNode before = json.readTree(api.get("/orders/" + orderId + "/history?asOf=2000-01-01T00:00:00Z").body());

		assertThat(now.get("version").asLong()).isEqualTo(2);
		assertThat(now.get("state").get("status").asString()).isEqualTo("CANCELLATION_REQUESTED");
		assertThat(now.get("events").findValuesAsString("type")).containsExactly("OrderPlaced",
				"OrderCancellationRequested");
		assertThat(now.get("events").get(0).get("metadata").get("correlationId").asString()).isEqualTo("corr-42");
		assertThat(then.get("version").asLong()).isEqualTo(1);
		assertThat(then.get("state").get("status").asString()).isEqualTo("PENDING");
		assertThat(then.get("state").get("total").decimalValue()).isEqualByComparingTo("44.98");
		assertThat(before.get("version").asLong()).isZero();
		assertThat(before.get("state").isNull()).isTrue();
	}

	@Test
	void anUnknownRouteIsAProblem() throws Exception {
		assertProblem(api.get("/no-such-thing"), 404);
	}

	private String placeOrder() throws Exception {
		HttpResponse<String> response = api.post("/orders", ORDER, "X-Correlation-Id", "corr-42");
		assertThat(response.statusCode()).isEqualTo(201);
		return json.readTree(response.body()).get("orderId").asString();
	}

}
