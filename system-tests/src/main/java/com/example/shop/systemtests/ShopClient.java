package com.example.shop.systemtests;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.example.shop.platform.localstack.IssuerClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's REST API as a customer, the warehouse and an operator use it: every call the
 * scenarios and the demo make goes through here, and nothing else. When a service runs as
 * several instances, calls go to them in turn, and a call that one instance refuses to
 * connect (it is down; nothing was sent) goes to the next, as a load balancer with health
 * checks would send it.
 */
public final class ShopClient implements AutoCloseable {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The problem type of a command a service shed under load (platform/web's admission
	 * control), and how often a shed command is sent at most.
	 */
	private static final String OVERLOADED = "https://shop.example/problems/overloaded";

	private static final int SHED_ATTEMPTS = 5;

	private final Map<Service, List<String>> baseUrls;

	private final AtomicLong turn = new AtomicLong();

	private final Supplier<String> authorization;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Amounts read as exact decimals, as the services wrote them (475.00, not 475.0). */
	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * @param baseUrls per service, the base URL of each of its instances
	 * @param authorization the {@code Authorization} header of every request: a token of
	 * a client that may seed accounts and products, place orders for any customer and
	 * read sagas
	 */
	public ShopClient(Map<Service, List<String>> baseUrls, Supplier<String> authorization) {
		this.baseUrls = Map.copyOf(baseUrls);
		this.authorization = authorization;
	}

	/**
	 * The stack that {@code ./stack up} runs, on its fixed ports (its first instances),
	 * as the demo client of its issuer.
	 */
	public static ShopClient localStack() {
		return new ShopClient(Map.of(Service.ORDER_COMMAND, List.of("http://127.0.0.1:8081"), Service.ORDER_QUERY,
				List.of("http://127.0.0.1:8082"), Service.PAYMENT, List.of("http://127.0.0.1:8083"), Service.INVENTORY,
				List.of("http://127.0.0.1:8084"), Service.SAGA, List.of("http://127.0.0.1:8085")),
				demoClient("http://127.0.0.1:8086"));
	}

	/**
	 * A client of a stack behind one gateway that routes every service's paths and the
	 * issuer's, as docker-compose and the Kubernetes ingress do.
	 */
	public static ShopClient gateway(String baseUrl) {
		Map<Service, List<String>> urls = new java.util.EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			urls.put(service, List.of(baseUrl));
		}
		return new ShopClient(urls, demoClient(baseUrl));
	}

	/**
	 * The demo client of the issuer at {@code issuer} (README, Security): the client
	 * credentials flow, with the scopes the demo needs.
	 */
	public static Supplier<String> demoClient(String issuer) {
		return new IssuerClient(issuer).authorization("shop-demo", "demo-secret", "sales finance warehouse operations");
	}

	public void openAccount(String customerId, String balance) {
		expect(201, send(Service.PAYMENT, "POST", "/accounts", """
				{"customerId":"%s","currency":"EUR","initialBalance":%s}""".formatted(customerId, balance)));
	}

	public JsonNode account(String customerId) {
		return body(expect(200, send(Service.PAYMENT, "GET", "/accounts/" + customerId, null)));
	}

	public void createProduct(String sku, int stock) {
		expect(201, send(Service.INVENTORY, "PUT", "/products/" + sku, "{\"stock\":" + stock + "}"));
	}

	public JsonNode product(String sku) {
		return body(expect(200, send(Service.INVENTORY, "GET", "/products/" + sku, null)));
	}

	/**
	 * Places an order of {@code quantity} of {@code sku} at {@code unitPrice} EUR each,
	 * shipped to {@code country}.
	 * @throws IllegalStateException unless the API accepted it
	 */
	public PlacedOrder placeOrder(String customerId, String sku, int quantity, String unitPrice, String country) {
		Placement placement = tryPlaceOrder(customerId, sku, quantity, unitPrice, country);
		if (placement.order() == null) {
			throw new IllegalStateException("POST /orders was not accepted: " + placement);
		}
		return placement.order();
	}

	/**
	 * Tries to place an order, as a client under faults sees it: accepted, refused with a
	 * status, or unknown (no answer: the order may or may not exist).
	 */
	public Placement tryPlaceOrder(String customerId, String sku, int quantity, String unitPrice, String country) {
		String body = """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":%d,"unitPrice":%s,"currency":"EUR"}],
				 "shippingAddress":{"name":"Ada Lovelace","street":"Main St 1","city":"Somewhere","postalCode":"10115",
				                    "country":"%s"}}""".formatted(customerId, sku, quantity, unitPrice, country);
		HttpResponse<String> response;
		try {
			response = send(Service.ORDER_COMMAND, "POST", "/orders", body,
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		}
		catch (IllegalStateException ex) {
			return new Placement(null, 0, ex.getMessage());
		}
		if (response.statusCode() != 201) {
			return new Placement(null, response.statusCode(), response.body());
		}
		JsonNode placed = body(response);
		return new Placement(new PlacedOrder(placed.get("orderId").asString(), placed.get("version").asLong(),
				new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity))), 201, null);
	}

	/**
	 * Asks to cancel an order at the version the customer last saw.
	 * @return the HTTP status: 202 accepted, 409 when the order moved on
	 */
	public int requestCancellation(PlacedOrder order) {
		return send(Service.ORDER_COMMAND, "POST", "/orders/" + order.orderId() + "/cancellation", null,
				Map.of("If-Match", "\"" + order.version() + "\""))
			.statusCode();
	}

	/**
	 * The order's summary on the query side, or {@code null} while it has not arrived.
	 */
	public JsonNode orderSummary(String orderId) {
		HttpResponse<String> response = send(Service.ORDER_QUERY, "GET", "/orders/" + orderId, null);
		return (response.statusCode() == 404) ? null : body(expect(200, response));
	}

	/**
	 * What a service answers to {@code GET path} (200 expected), such as
	 * {@code /dead-letters/payments.events} or {@code /projections}.
	 */
	public JsonNode read(Service service, String path) {
		return body(expect(200, send(service, "GET", path, null)));
	}

	/**
	 * The status a service answers to a request, for requests whose answer is the point.
	 */
	public int statusOf(Service service, String method, String path, String body) {
		return send(service, method, path, body).statusCode();
	}

	/**
	 * The order's saga, or {@code null} before it has started.
	 */
	public JsonNode saga(String orderId) {
		JsonNode page = body(expect(200, send(Service.SAGA, "GET", "/sagas?orderId=" + orderId, null)));
		return page.get("sagas").isEmpty() ? null : page.get("sagas").get(0);
	}

	/**
	 * Polls the order's saga until it matches.
	 * @throws IllegalStateException when it does not within {@code timeout}
	 */
	public JsonNode awaitSaga(String orderId, Predicate<JsonNode> match, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		JsonNode saga = null;
		while (Instant.now().isBefore(deadline)) {
			saga = saga(orderId);
			if (saga != null && match.test(saga)) {
				return saga;
			}
			pause(Duration.ofMillis(20));
		}
		throw new IllegalStateException("The saga of order " + orderId + " did not get there within "
				+ timeout.toSeconds() + " s; last seen: " + saga);
	}

	public JsonNode awaitSagaState(String orderId, String state, Duration timeout) {
		return awaitSaga(orderId, (saga) -> state.equals(saga.get("state").asString()), timeout);
	}

	/**
	 * The steps a saga went through, e.g. {@code CHARGE_PAYMENT > RESERVE_INVENTORY}.
	 */
	public static List<String> path(JsonNode saga) {
		return saga.get("steps").valueStream().map((step) -> step.get("step").asString()).toList();
	}

	private HttpResponse<String> send(Service service, String method, String path, String body) {
		return send(service, method, path, body, Map.of());
	}

	private HttpResponse<String> send(Service service, String method, String path, String body,
			Map<String, String> headers) {
		List<String> instances = this.baseUrls.get(service);
		int first = (int) (this.turn.getAndIncrement() % instances.size());
		for (int tried = 1;; tried++) {
			String baseUrl = instances.get((first + tried - 1) % instances.size());
			try {
				return send(baseUrl, method, path, body, headers);
			}
			catch (ConnectException ex) {
				if (tried == instances.size()) {
					throw new IllegalStateException(method + " " + service + path + " failed: " + ex.getMessage(), ex);
				}
				// that instance is down and the request never left: another one serves it
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + service + path + " failed: " + ex.getMessage(), ex);
			}
		}
	}

	private HttpResponse<String> send(String baseUrl, String method, String path, String body,
			Map<String, String> headers) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(CALL_TIMEOUT)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.header("Authorization", this.authorization.get());
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			// a command the service shed under load had no effect: send it again when it
			// says, as a well-behaved client does
			for (int attempt = 1; shed(response) && attempt < SHED_ATTEMPTS; attempt++) {
				pause(Duration
					.ofSeconds(Math.min(2, Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")))));
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static boolean shed(HttpResponse<String> response) {
		return response.statusCode() == 503 && response.body().contains(OVERLOADED);
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + " instead of " + status + ": " + response.body());
		}
		return response;
	}

	private JsonNode body(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

	/**
	 * An order the API accepted.
	 *
	 * @param orderId its id
	 * @param version its version after placing, for {@code If-Match}
	 * @param total what it costs
	 */
	public record PlacedOrder(String orderId, long version, BigDecimal total) {

	}

	/**
	 * What became of a request to place an order.
	 *
	 * @param order the order when the API accepted it (201), else {@code null}
	 * @param status the HTTP status; 0 when no answer came (the outcome is unknown)
	 * @param error what went wrong, {@code null} when accepted
	 */
	public record Placement(PlacedOrder order, int status, String error) {

		public boolean unknown() {
			return this.status == 0;
		}

	}

}
