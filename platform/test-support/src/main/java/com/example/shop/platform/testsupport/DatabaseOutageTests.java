package com.example.shop.platform.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database outage every service rides out, run by each service's
 * {@code DatabaseOutageIT}. The service reaches its database through a {@link TcpProxy}
 * that the test cuts, as an outage would, and then:
 * <ul>
 * <li>each of its {@link #requests() requests} answers 503 problem details with
 * {@code Retry-After} within 6 s, and readiness is DOWN;</li>
 * <li>a record that arrives meanwhile fails more often than the three deliveries after
 * which a failing record is dead-lettered, yet once the database is back it is applied
 * and nothing is dead-lettered;</li>
 * <li>once the database is back the requests succeed again.</li>
 * </ul>
 * A subclass is a {@link ServiceIntegrationTest} with {@code @DirtiesContext}, so that
 * its listeners leave the consumer group afterwards. It routes its database through a
 * proxy in a {@code @DynamicPropertySource} ({@link #proxyPostgres} or
 * {@link #proxyMongo}) and names the requests, the record and how to see that the record
 * was applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseOutageTests {

	/** The proxy of the test class running now; one class runs at a time. */
	private static TcpProxy database;

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private TopicProbe topics;

	/**
	 * Requests that need the database, built anew for each call (build them with
	 * {@link #request(String)}): each answers 2xx while the database is up.
	 */
	protected abstract List<HttpRequest> requests();

	/** The topic of the record that arrives during the outage. */
	protected abstract String topic();

	/** Publishes a record to {@link #topic()} whose handling needs the database. */
	protected abstract void publishDuringOutage() throws Exception;

	/** Whether the record published during the outage has been applied. */
	protected abstract boolean applied() throws Exception;

	@Test
	void answers503WhileTheDatabaseIsDownAndAppliesARecordThatArrivedMeanwhileAfter() throws Exception {
		for (HttpRequest request : requests()) {
			assertThat(status(request)).as("%s before the outage", request).isBetween(200, 299);
		}
		double deadLetters = deadLetters();

		// every open connection is cut and no new one is accepted
		database.cut();
		try {
			for (HttpRequest request : requests()) {
				Instant start = Instant.now();
				HttpResponse<String> during = send(request);
				Duration took = Duration.between(start, Instant.now());

				assertThat(during.statusCode()).as("%s: %s", request, during.body()).isEqualTo(503);
				assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(during.headers().firstValue("Retry-After")).hasValue("2");
				assertThat(during.body()).contains("\"status\":503").doesNotContain("Exception");
				assertThat(took).as("time %s took during the outage", request).isLessThan(Duration.ofSeconds(6));
			}
			assertThat(status(request("/readyz").GET().build())).isEqualTo(503);

			double failures = ListenerFailures.count(this.meters);
			publishDuringOutage();
			Eventually.awaitTrue(Duration.ofSeconds(90), () -> ListenerFailures.count(this.meters) >= failures + 4);
		}
		finally {
			database.restore();
		}

		for (HttpRequest request : requests()) {
			Eventually.awaitTrue(Duration.ofSeconds(30), () -> succeeds(request));
		}
		Eventually.awaitTrue(Duration.ofSeconds(30), this::hasBeenApplied);
		assertThat(deadLetters()).as("dead letters of " + topic()).isEqualTo(deadLetters);
	}

	@AfterAll
	void closeClientAndProxy() {
		this.http.close();
		database.close();
	}

	/** A request to the service as a client with every staff role. */
	protected HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization());
	}

	protected HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Publishes a record to {@link #topic()} as its producer would: keyed, with the
	 * CloudEvents headers of the Kafka binding and a message id of its own.
	 */
	protected void publish(String key, String type, String payload) throws Exception {
		this.topics.publish(topic(), key, type, payload, Map.of("ce_source", "database-outage-test"));
	}

	/** Routes the service's PostgreSQL connections through a new proxy. */
	protected static void proxyPostgres(DynamicPropertyRegistry registry) {
		PostgresEndpoint endpoint = TestInfrastructure.get().postgres();
		TcpProxy proxy = TcpProxy.to(endpoint.jdbcUrl());
		registry.add("spring.datasource.url", () -> proxy.rewrite(endpoint.jdbcUrl()));
		registry.add("spring.datasource.username", endpoint::username);
		registry.add("spring.datasource.password", endpoint::password);
		database = proxy;
	}

	/** Routes the service's MongoDB connections through a new proxy. */
	protected static void proxyMongo(DynamicPropertyRegistry registry) {
		String uri = TestInfrastructure.get().mongoUri();
		TcpProxy proxy = TcpProxy.to(uri);
		registry.add("spring.mongodb.uri", () -> proxy.rewrite(uri));
		database = proxy;
	}

	private int status(HttpRequest request) throws Exception {
		return send(request).statusCode();
	}

	private boolean succeeds(HttpRequest request) {
		try {
			int status = status(request);
			return status >= 200 && status < 300;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private boolean hasBeenApplied() {
		try {
			return applied();
		}
		catch (Exception ex) {
			return false;
		}
	}

	private double deadLetters() {
		Counter counter = this.meters.find("inbox.dead.letters").tag("topic", topic()).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
