package com.example.shop.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.example.shop.platform.testsupport.Http;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.example.shop.platform.testsupport.openapi.ApiFuzzer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP calls to the running system as anyone, with any headers and body, for the
 * tests of the OWASP API Security Top 10 ({@code Api1...IT} to {@code Api9...IT}): they
 * send what a client should not, so they do not use {@link ShopClient}.
 */
final class ApiCalls {

	private static final String BODY_OF_AN_ORDER = """
			{"customerId":"%s","lines":[{"sku":"%s","quantity":1,"unitPrice":10.00,"currency":"EUR"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"Main St 1","city":"Berlin","postalCode":"10115",
			                    "country":"DE"}}""";

	/**
	 * A read of every service, and who may make it: what the tests send their broken and
	 * odd credentials and headers to.
	 */
	static final Map<Service, Read> READS = Map.of(Service.ORDER_COMMAND,
			new Read(TestPrincipal.OPERATIONS, "/orders/0b7c5d2e-2f5a-4b8e-9a57-1f0e3c4d5a6b/history"),
			Service.ORDER_QUERY, new Read(TestPrincipal.OPERATIONS, "/projections"), Service.PAYMENT,
			new Read(TestPrincipal.FINANCE, "/accounts/C-000001"), Service.INVENTORY,
			new Read(TestPrincipal.WAREHOUSE, "/products/SKU-1"), Service.SAGA,
			new Read(TestPrincipal.OPERATIONS, "/sagas"));

	/** A path to read, and a principal who may. */
	record Read(TestPrincipal principal, String path) {
	}

	private final SystemUnderTest system;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	ApiCalls(SystemUnderTest system) {
		this.system = system;
	}

	/** A call as {@code principal}; {@code null} for nobody. */
	HttpResponse<String> as(@Nullable TestPrincipal principal, Service service, String method, String path,
			@Nullable String body, String... headers) {
		return send(service, method, path, (principal != null) ? principal.authorization() : null, body, headers);
	}

	/**
	 * A call with exactly this {@code Authorization} header ({@code null}: none) and
	 * these further headers, name and value in turn.
	 */
	HttpResponse<String> send(Service service, String method, String path, @Nullable String authorization,
			@Nullable String body, String... headers) {
		return send(this.system.baseUrl(service) + path, method, authorization, body, headers);
	}

	HttpResponse<String> send(String url, String method, @Nullable String authorization, @Nullable String body,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return Http.send(this.http, request.build());
	}

	/** The body of an order of one {@code sku} for {@code customerId}. */
	static String order(String customerId, String sku) {
		return BODY_OF_AN_ORDER.formatted(customerId, sku);
	}

	/** Places an order as {@code principal} and answers its id. */
	String place(TestPrincipal principal, String customerId, String sku) {
		HttpResponse<String> placed = as(principal, Service.ORDER_COMMAND, "POST", "/orders", order(customerId, sku),
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(placed.statusCode()).as("POST /orders as %s: %s", principal, placed.body()).isEqualTo(201);
		return json(placed).get("orderId").asString();
	}

	/** Opens the account of {@code customerId} unless it is open. */
	void accountOpen(String customerId, String balance) {
		HttpResponse<String> opened = as(TestPrincipal.FINANCE, Service.PAYMENT, "POST", "/accounts", """
				{"customerId":"%s","currency":"EUR","initialBalance":%s}""".formatted(customerId, balance));
		assertThat(opened.statusCode()).as("open the account of %s: %s", customerId, opened.body()).isIn(201, 409);
	}

	/** A product of {@code stock} units, with a new SKU. */
	String product(int stock) {
		String sku = "SKU-SEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> created = as(TestPrincipal.WAREHOUSE, Service.INVENTORY, "PUT", "/products/" + sku,
				"{\"stock\":" + stock + "}");
		assertThat(created.statusCode()).as("create %s: %s", sku, created.body()).isEqualTo(201);
		return sku;
	}

	/**
	 * Calls as fast as one client can until the answer is 429, at most {@code cap} times.
	 * @return every answer, the 429 last unless the cap was reached
	 */
	static List<HttpResponse<String>> untilLimited(int cap, Supplier<HttpResponse<String>> call) {
		List<HttpResponse<String>> answers = new ArrayList<>();
		while (answers.size() < cap && (answers.isEmpty() || answers.getLast().statusCode() != 429)) {
			answers.add(call.get());
		}
		return answers;
	}

	/** Calls until the answer matches, for up to 30 s, and answers the last one. */
	HttpResponse<String> await(Predicate<HttpResponse<String>> match, Supplier<HttpResponse<String>> call) {
		Instant deadline = Instant.now().plusSeconds(30);
		HttpResponse<String> response = call.get();
		while (!match.test(response) && Instant.now().isBefore(deadline)) {
			ShopClient.pause(Duration.ofMillis(200));
			response = call.get();
		}
		return response;
	}

	JsonNode json(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/**
	 * The answer is problem details of {@code status} (RFC 9457) and names no class,
	 * stack frame or SQL.
	 */
	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.uri())
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
		assertThat(ApiFuzzer.INTERNALS.matcher(response.body()).find()).as("internals in %s", response.body())
			.isFalse();
	}

}
