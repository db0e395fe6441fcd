package com.example.shop.order.command.adapter.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.testsupport.PostgresEndpoint;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service reaches PostgreSQL through a TCP proxy that the test closes, as a database
 * outage would: requests fail fast with 503 problem details and {@code Retry-After},
 * readiness turns DOWN, and once the database is back orders are accepted again. The
 * context is closed afterwards so its listeners leave the consumer group.
 */
@ServiceIntegrationTest
@DirtiesContext
class DatabaseOutageIT {

	private static final String ORDER = """
			{"customerId":"C-000123",
			 "lines":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99,"currency":"EUR"}],
			 "shippingAddress":{"name":"Ada Lovelace","street":"1 Analytical St","city":"London",
			                    "postalCode":"N1 9GU","country":"GB"}}""";

	private static NioReactor reactor;

	private static TcpCrusher database;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void reachTheDatabaseThroughAProxy(DynamicPropertyRegistry registry) throws Exception {
		PostgresEndpoint endpoint = TestInfrastructure.get().postgres();
		URI server = URI.create(endpoint.jdbcUrl().substring("jdbc:".length()));
		int proxyPort = Ports.free();
		reactor = new NioReactor();
		database = TcpCrusherBuilder.builder()
			.withReactor(reactor)
			.withBindAddress("127.0.0.1", proxyPort)
			.withConnectAddress(server.getHost(), server.getPort())
			.buildAndOpen();
		String query = (server.getRawQuery() != null) ? "?" + server.getRawQuery() : "";
		registry.add("spring.datasource.url",
				() -> "jdbc:postgresql://127.0.0.1:" + proxyPort + server.getRawPath() + query);
		registry.add("spring.datasource.username", endpoint::username);
		registry.add("spring.datasource.password", endpoint::password);
	}

	@AfterAll
	static void closeProxy() throws Exception {
		database.close();
		reactor.close();
	}

	@AfterEach
	void closeClient() {
		this.http.close();
	}

	@Test
	void refusesFastWith503WhileTheDatabaseIsDownAndAcceptsAgainAfter() throws Exception {
		HttpResponse<String> before = post();
		assertThat(before.statusCode()).isEqualTo(201);
		String orderId = before.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");

		// the database goes away: every open connection is cut and no new one is accepted
		database.closeAllPairs();
		database.close();
		try {
			Instant start = Instant.now();
			HttpResponse<String> during = post();
			Duration took = Duration.between(start, Instant.now());

			assertThat(during.statusCode()).isEqualTo(503);
			assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(during.headers().firstValue("Retry-After")).hasValue("2");
			assertThat(during.body()).contains("\"status\":503").doesNotContain("Exception");
			assertThat(took).as("time to answer during the outage").isLessThan(Duration.ofSeconds(6));
			assertThat(get("/orders/" + orderId + "/history").statusCode()).isEqualTo(503);
			assertThat(get("/readyz").statusCode()).isEqualTo(503);
		}
		finally {
			database.open();
		}

		Instant deadline = Instant.now().plusSeconds(30);
		int status;
		do {
			status = post().statusCode();
		}
		while (status != 201 && Instant.now().isBefore(deadline));
		assertThat(status).as("an order placed once the database is back").isEqualTo(201);
		assertThat(get("/orders/" + orderId + "/history").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post() throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/orders"))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(ORDER))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
