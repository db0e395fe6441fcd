package com.example.shop.inventory.adapter.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The products API over HTTP against the running service: every status code it promises.
 */
@ServiceIntegrationTest
class ProductsApiIT {

	@Autowired
	ServiceApi api;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("restockKeyPurge")
	RetentionPurge restockKeyPurge;

	@Test
	void createsAProductWithItsInitialStock() throws Exception {
		String sku = newSku();

		HttpResponse<String> response = api.put("/products/" + sku, "{\"stock\":7}");

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue("/products/" + sku);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
		assertLevels(json.readTree(response.body()), 7, 0, 0, 7);
	}

	@Test
	void theSameCreateAgainIs200AndAnotherInitialStockIs409() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":7}");
		api.post("/products/" + sku + "/restocks", "{\"quantity\":3}");

		HttpResponse<String> again = api.put("/products/" + sku, "{\"stock\":7}");
		HttpResponse<String> other = api.put("/products/" + sku, "{\"stock\":8}");

		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.headers().firstValue("ETag")).hasValue("\"2\"");
		assertLevels(json.readTree(again.body()), 10, 0, 0, 10);
		assertProblem(other, 409);
		assertThat(other.body()).contains("initial stock of 7");
	}

	@Test
	void restocksAddToAvailableAndReceived() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":0}");

		HttpResponse<String> first = api.post("/products/" + sku + "/restocks", "{\"quantity\":5}");
		HttpResponse<String> second = api.post("/products/" + sku + "/restocks", "{\"quantity\":2}");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("ETag")).hasValue("\"3\"");
		assertLevels(json.readTree(second.body()), 7, 0, 0, 7);
	}

	@Test
	void concurrentRestocksAreEachCountedOnce() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");

		for (HttpResponse<String> response : concurrently(16,
				() -> api.post("/products/" + sku + "/restocks", "{\"quantity\":3}"))) {
			assertThat(response.statusCode()).isEqualTo(200);
		}

		JsonNode product = json.readTree(api.get("/products/" + sku).body());
		assertLevels(product, 49, 0, 0, 49);
		assertThat(product.get("version").asLong()).isEqualTo(17);
	}

	@Test
	void aRestockRetriedWithItsIdempotencyKeyCountsOnce() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> sends = concurrently(8,
				() -> api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", key));
		HttpResponse<String> another = api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key",
				UUID.randomUUID().toString());

		// one of them restocked, the others waited for it and answered the stock after it
		for (HttpResponse<String> send : sends) {
			assertThat(send.statusCode()).isEqualTo(200);
			assertLevels(json.readTree(send.body()), 4, 0, 0, 4);
		}
		assertThat(another.statusCode()).isEqualTo(200);
		JsonNode product = json.readTree(api.get("/products/" + sku).body());
		assertLevels(product, 7, 0, 0, 7);
		assertThat(product.get("version").asLong()).isEqualTo(3);
	}

	@Test
	void aRestockKeyIsForgottenAfterItsRetention() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");
		String expired = UUID.randomUUID().toString();
		String kept = UUID.randomUUID().toString();
		api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", expired);
		api.post("/products/" + sku + "/restocks", "{\"quantity\":5}", "Idempotency-Key", kept);
		// the default retention is 24 h
		jdbc.update("UPDATE restock_key SET created_at = now() - interval '25 hours' WHERE key = ?", expired);

		assertThat(restockKeyPurge.purge()).isGreaterThanOrEqualTo(1);

		// the expired key restocks again, the kept one still adds nothing
		assertThat(
				api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", expired).statusCode())
			.isEqualTo(200);
		assertThat(api.post("/products/" + sku + "/restocks", "{\"quantity\":5}", "Idempotency-Key", kept).statusCode())
			.isEqualTo(200);
		assertLevels(json.readTree(api.get("/products/" + sku).body()), 12, 0, 0, 12);
	}

	@Test
	void anIdempotencyKeyReusedForAnotherRestockIs422() throws Exception {
		String sku = newSku();
		String other = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");
		api.put("/products/" + other, "{\"stock\":1}");
		String key = UUID.randomUUID().toString();
		api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", key);

		HttpResponse<String> otherQuantity = api.post("/products/" + sku + "/restocks", "{\"quantity\":4}",
				"Idempotency-Key", key);
		HttpResponse<String> otherProduct = api.post("/products/" + other + "/restocks", "{\"quantity\":3}",
				"Idempotency-Key", key);

		assertProblem(otherQuantity, 422);
		assertProblem(otherProduct, 422);
		assertThat(otherQuantity.body()).contains(key);
		assertLevels(json.readTree(api.get("/products/" + sku).body()), 4, 0, 0, 4);
		assertLevels(json.readTree(api.get("/products/" + other).body()), 1, 0, 0, 1);
	}

	@Test
	void aTooLongIdempotencyKeyOrOneWithASpaceIs400AndAddsNothing() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");

		assertProblem(api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", "two words"),
				400);
		assertProblem(
				api.post("/products/" + sku + "/restocks", "{\"quantity\":3}", "Idempotency-Key", "k".repeat(256)),
				400);

		assertLevels(json.readTree(api.get("/products/" + sku).body()), 1, 0, 0, 1);
	}

	@Test
	void readsAProductsStockAndVersion() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":4}");

		HttpResponse<String> response = api.get("/products/" + sku);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("sku").asString()).isEqualTo(sku);
		assertThat(body.get("version").asLong()).isEqualTo(1);
		assertLevels(body, 4, 0, 0, 4);
	}

	@Test
	void unknownProductsAre404() throws Exception {
		assertProblem(api.get("/products/" + newSku()), 404);
		assertProblem(api.post("/products/" + newSku() + "/restocks", "{\"quantity\":1}"), 404);
		assertProblem(api.get("/products/not-a-sku"), 404);
	}

	@Test
	void invalidFieldsAre400WithEachField() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");

		HttpResponse<String> negative = api.put("/products/" + newSku(), "{\"stock\":-1}");
		HttpResponse<String> missing = api.put("/products/" + newSku(), "{}");
		HttpResponse<String> zero = api.post("/products/" + sku + "/restocks", "{\"quantity\":0}");
		HttpResponse<String> badSku = api.put("/products/lower-case", "{\"stock\":1}");

		for (var response : List.of(negative, missing, zero, badSku)) {
			assertProblem(response, 400);
		}
		assertThat(fields(negative)).containsExactly("stock");
		assertThat(fields(missing)).containsExactly("stock");
		assertThat(fields(zero)).containsExactly("quantity");
		assertThat(fields(badSku)).containsExactly("sku");
		assertThat(badSku.body()).contains("upper-case");
	}

	@Test
	void malformedJsonIs400() throws Exception {
		HttpResponse<String> truncated = api.put("/products/" + newSku(), "{\"stock\": ");
		HttpResponse<String> tooBig = api.put("/products/" + newSku(), "{\"stock\": 99999999999}");

		for (var response : List.of(truncated, tooBig)) {
			assertProblem(response, 400);
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
		}
	}

	@Test
	void aRestockBeyondTheCountableUnitsIs422() throws Exception {
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":" + (Integer.MAX_VALUE - 10) + "}");

		HttpResponse<String> response = api.post("/products/" + sku + "/restocks", "{\"quantity\":11}");

		assertProblem(response, 422);
		assertThat(fields(response)).containsExactly("quantity");
		assertThat(json.readTree(api.get("/products/" + sku).body()).get("received").asInt())
			.isEqualTo(Integer.MAX_VALUE - 10);
	}

	@Test
	void aBodyOverTheLimitIs413() throws Exception {
		String huge = "{\"stock\":1,\"padding\":\"" + "A".repeat(70_000) + "\"}";

		assertProblem(api.put("/products/" + newSku(), huge), 413);
	}

	@Test
	void aChunkedBodyOverTheLimitIs413() throws Exception {
		String huge = "{\"quantity\":1,\"padding\":\"" + "A".repeat(70_000) + "\"}";
		String sku = newSku();
		api.put("/products/" + sku, "{\"stock\":1}");

		assertProblem(api.postChunked("/products/" + sku + "/restocks", huge), 413);
		assertThat(json.readTree(api.get("/products/" + sku).body()).get("received").asInt()).isEqualTo(1);
	}

	@Test
	void anUnknownRouteOrMethodIsAProblem() throws Exception {
		assertProblem(api.get("/no-such-thing"), 404);
		assertProblem(api.send(api.request("/products/" + newSku()).DELETE()), 405);
	}

	@Test
	void publishesItsOpenApiDocumentAndSwaggerUi() throws Exception {
		HttpResponse<String> document = api.get("/v3/api-docs");
		HttpResponse<String> ui = api.get("/swagger-ui.html");

		assertThat(document.statusCode()).isEqualTo(200);
		JsonNode paths = json.readTree(document.body()).get("paths");
		assertThat(paths.has("/products/{sku}")).isTrue();
		assertThat(paths.has("/products/{sku}/restocks")).isTrue();
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	private static String newSku() {
		return "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	private static void assertLevels(JsonNode product, int available, int reserved, int shipped, int received) {
		assertThat(List.of(product.get("available").asInt(), product.get("reserved").asInt(),
				product.get("shipped").asInt(), product.get("received").asInt()))
			.containsExactly(available, reserved, shipped, received);
	}

	private List<String> fields(HttpResponse<String> response) {
		return json.readTree(response.body()).get("errors").findValuesAsString("field");
	}

	/**
	 * Sends the request this many times at once, from eight threads, and returns the
	 * answers.
	 */
	private static List<HttpResponse<String>> concurrently(int times, Callable<HttpResponse<String>> request)
			throws Exception {
		List<Future<HttpResponse<String>>> sent = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < times; i++) {
				sent.add(clients.submit(request));
			}
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (Future<HttpResponse<String>> answer : sent) {
			answers.add(answer.get());
		}
		return answers;
	}

}
