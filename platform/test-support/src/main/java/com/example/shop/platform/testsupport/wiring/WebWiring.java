package com.example.shop.platform.testsupport.wiring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service answers on its port: {@code /livez} and {@code /readyz} are UP once its
 * stores are reachable, without a token; everything else needs a token from the issuer
 * (401 as an RFC 9457 problem without one); an unknown path is a problem, not an HTML
 * error page; and its metrics are on the management port, for Prometheus only.
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
	default void metricsAreExposedForPrometheusOnTheManagementPortOnly(@Value("${local.server.port}") int port,
			@Value("${local.management.port}") int managementPort) throws Exception {
		HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);

		assertThat(managementPort).isNotEqualTo(port);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=");
		assertThat(get(port, "/actuator/prometheus", TestPrincipal.TRUSTED_CLIENT.authorization()).statusCode())
			.as("no actuator on the service's port, even with a token")
			.isEqualTo(404);
	}

	@Test
	default void withoutATokenEverythingButTheProbesIs401ProblemDetail(@Value("${local.server.port}") int port)
			throws Exception {
		HttpResponse<String> response = get(port, "/no-such-resource", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	default void unknownPathIsProblemDetail(@Value("${local.server.port}") int port) throws Exception {
		HttpResponse<String> response = get(port, "/no-such-resource", TestPrincipal.TRUSTED_CLIENT.authorization());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return get(port, path, null);
	}

	private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
