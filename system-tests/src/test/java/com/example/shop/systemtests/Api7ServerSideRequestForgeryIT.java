package com.example.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API7: server-side request forgery. No operation of
 * any service takes a URL to fetch, and the one thing a service fetches on a client's
 * behalf, the key that verifies a token, comes only from the issuer it is configured
 * with: a token that names another issuer, JWK set ({@code jku}) or certificate
 * ({@code x5u}) is refused without a single request to the place it names.
 */
class Api7ServerSideRequestForgeryIT extends ApiSecurityTest {

	/** Names of fields and parameters that would carry a URL a service might fetch. */
	private static final Pattern URL_LIKE = Pattern.compile("(?i).*(url|uri|href|link|callback|webhook|redirect).*");

	private HttpServer trap;

	private final List<String> fetched = new CopyOnWriteArrayList<>();

	@BeforeAll
	void start() throws IOException {
		this.trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.trap.createContext("/", (exchange) -> {
			this.fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.trap.start();
	}

	@AfterAll
	void stop() {
		this.trap.stop(0);
	}

	@Test
	void noOperationTakesAUrl() {
		JsonMapper json = JsonMapper.builder().build();
		List<String> urlLike = new ArrayList<>();
		for (Service service : Service.values()) {
			JsonNode document = json.readTree(read(Path.of("../docs/api/" + service.artifact() + ".json")));
			collectUrlLike(document.path("paths"), service.artifact(), urlLike);
			collectUrlLike(document.path("components").path("schemas"), service.artifact(), urlLike);
		}
		assertThat(urlLike).as("parameters and fields that look like URLs").isEmpty();
	}

	@Test
	void aTokenThatPointsElsewhereIsRefusedWithoutFetchingAnything() {
		String elsewhere = "http://127.0.0.1:" + this.trap.getAddress().getPort();
		String header = base64("""
				{"alg":"RS256","kid":"trap","jku":"%s/jwks.json","x5u":"%s/cert.pem"}""".formatted(elsewhere,
				elsewhere));
		String claims = base64("""
				{"iss":"%s","sub":"olivia","aud":"shop-api","roles":["operations"],"exp":%d}""".formatted(elsewhere,
				System.currentTimeMillis() / 1000 + 300));
		String token = header + "." + claims + "." + base64("not a signature");

		ApiCalls.READS.forEach((service,
				read) -> assertProblem(this.calls.send(service, "GET", read.path(), "Bearer " + token, null), 401));
		assertThat(this.fetched).as("requests the services sent where the token pointed").isEmpty();
	}

	/**
	 * Every parameter name and schema property under {@code node} that looks like a URL.
	 */
	private static void collectUrlLike(JsonNode node, String where, List<String> found) {
		if (node.isObject()) {
			if (node.has("in") && node.has("name") && URL_LIKE.matcher(node.get("name").asString()).matches()) {
				found.add(where + ": parameter " + node.get("name").asString());
			}
			if ("uri".equals(node.path("format").asString()) || "url".equals(node.path("format").asString())) {
				found.add(where + ": a value of format " + node.path("format").asString());
			}
			node.path("properties")
				.propertyNames()
				.stream()
				.filter((name) -> URL_LIKE.matcher(name).matches())
				.forEach((name) -> found.add(where + ": field " + name));
			node.properties().forEach((entry) -> collectUrlLike(entry.getValue(), where + "/" + entry.getKey(), found));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectUrlLike(child, where, found));
		}
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
