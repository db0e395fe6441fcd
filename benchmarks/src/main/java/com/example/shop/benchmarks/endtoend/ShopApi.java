package com.example.shop.benchmarks.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.example.shop.platform.localstack.IssuerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST calls the benchmark makes to the stack on its fixed ports (those of
 * {@code ./stack up}): seeding accounts and products, placing and cancelling orders, and
 * the query service's projection status. Orders are sent asynchronously, so that a slow
 * answer never holds up the next order. With several instances per service
 * ({@code ./stack up --instances N}, instance {@code n} 100 ports above the first),
 * orders and cancellations go to them in turn, as a round-robin load balancer sends them.
 */
final class ShopApi implements AutoCloseable {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	/** How far apart the ports of two instances of a service are (see ./stack). */
	private static final int INSTANCE_PORT_STEP = 100;

	private final String host;

	private final int instances;

	private final AtomicLong turn = new AtomicLong();

	private final Supplier<String> authorization;

	/**
	 * A client of the stack on {@code host}, as the load generator client of its issuer
	 * (port 8086): it seeds accounts and products, places and cancels orders, and reads
	 * the projections' state.
	 */
	ShopApi(String host, int instances) {
		this.host = host;
		this.instances = instances;
		this.authorization = new IssuerClient("http://" + host + ":8086").authorization("shop-load-generator",
				"load-secret", "sales finance warehouse operations");
	}

	/**
	 * Opens a EUR account.
	 * @return the status: 201 opened, 409 the customer has one already
	 */
	int openAccount(String customerId, String balance) {
		return send(request(8083, "/accounts").POST(HttpRequest.BodyPublishers.ofString("""
				{"customerId":"%s","currency":"EUR","initialBalance":%s}""".formatted(customerId, balance))));
	}

	/**
	 * Creates a product with its initial stock.
	 * @return the status: 201 created, 409 it exists with another stock
	 */
	int createProduct(String sku, int stock) {
		return send(request(8084, "/products/" + sku)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"stock\":" + stock + "}")));
	}

	/**
	 * Places an order of one unit of {@code sku} at {@code unitPrice} EUR, to an address
	 * in {@code country}, with its own {@code Idempotency-Key}.
	 */
	CompletableFuture<HttpResponse<String>> placeOrder(String customerId, String sku, String unitPrice,
			String country) {
		String body = """
				{"customerId":"%s","lines":[{"sku":"%s","quantity":1,"unitPrice":%s,"currency":"EUR"}],
				 "shippingAddress":{"name":"Ada Lovelace","street":"Main St 1","city":"Berlin","postalCode":"10115",
				 "country":"%s"}}""".formatted(customerId, sku, unitPrice, country);
		return this.http
			.sendAsync(request(nextInstance(8081), "/orders").header("Idempotency-Key", UUID.randomUUID().toString())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Asks to cancel an order at the version its placement answered.
	 */
	CompletableFuture<HttpResponse<Void>> requestCancellation(String orderId, long version) {
		return this.http.sendAsync(request(nextInstance(8081), "/orders/" + orderId + "/cancellation")
			.header("If-Match", "\"" + version + "\"")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	/**
	 * The answer to a placed order: its id and version.
	 */
	PlacedOrder placed(HttpResponse<String> created) {
		JsonNode body = this.json.readTree(created.body());
		return new PlacedOrder(body.get("orderId").asString(), body.get("version").asLong());
	}

	/**
	 * Each query service instance's status of one projection, as its
	 * {@code GET /projections} answers it; empty when the projection is not listed.
	 */
	List<JsonNode> projection(String name) {
		List<JsonNode> statuses = new ArrayList<>();
		for (int n = 0; n < this.instances; n++) {
			JsonNode status = projection(8082 + n * INSTANCE_PORT_STEP, name);
			if (status != null) {
				statuses.add(status);
			}
		}
		return statuses;
	}

	private JsonNode projection(int port, String name) {
		HttpRequest.Builder request = request(port, "/projections").GET();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET /projections answered " + response.statusCode());
			}
			for (JsonNode projection : this.json.readTree(response.body())) {
				if (name.equals(projection.get("name").asString())) {
					return projection;
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET /projections failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** The port of the next instance in turn, given the first instance's. */
	private int nextInstance(int firstPort) {
		return firstPort + (int) (this.turn.getAndIncrement() % this.instances) * INSTANCE_PORT_STEP;
	}

	private HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://" + this.host + ":" + port + path))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Authorization", this.authorization.get());
	}

	private int send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		try {
			return this.http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + ex.getMessage()
					+ " (is the stack up? ./stack up)", ex);
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
	 * @param orderId the order's id
	 * @param version its version after placing, for {@code If-Match}
	 */
	record PlacedOrder(String orderId, long version) {
	}

}
