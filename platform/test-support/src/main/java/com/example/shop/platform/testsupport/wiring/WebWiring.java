package com.example.shop.platform.testsupport.wiring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service answers on its port: {@code /livez} and {@code /readyz} are UP once its
 * stores are reachable, its metrics are there for Prometheus, and an unknown path is an
 * RFC 9457 problem, not an HTML error page.
 */
public interface WebWiring {

	@Test
	default void probesAreUp(@Value("${local.server.port}") int port) throws Exception {
		HttpResponse<String> ready = get(port, "/readyz");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"kafka\"");

		HttpResponse<String> live = get(port, "/livez");
		assertThat(live.statusCode()).isEqualTo(200);
		assertThat(live.body()).contains("\"status\":\"UP\"");
	}

	@Test
	default void metricsAreExposedForPrometheus(@Value("${local.server.port}") int port) throws Exception {
		HttpResponse<String> metrics = get(port, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=");
	}

	@Test
	default void unknownPathIsProblemDetail(@Value("${local.server.port}") int port) throws Exception {
		HttpResponse<String> response = get(port, "/no-such-resource");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

}
