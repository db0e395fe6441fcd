package com.example.shop.platform.web.logging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Objects;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line logged while a request is handled carries its correlation id and the ids its
 * path names, as fields of the JSON log lines that
 * {@code logging.structured.format.console=ecs} writes; a request without
 * {@code X-Correlation-Id} gets a new one, which the handler sees as the header.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.audiences=shop-api",
				"logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class RequestLogContextIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRequestsLogLinesCarryItsCorrelationAndTheOrderItIsAbout(CapturedOutput output) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/order-7/notes"))
				.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
				.header("X-Correlation-Id", "corr-given")
				.build(), HttpResponse.BodyHandlers.ofString());

		JsonNode seen = json.readTree(response.body());
		assertThat(seen.path("context").path("correlation_id").asString()).as(response.body()).isEqualTo("corr-given");
		assertThat(seen.path("context").path("order_id").asString()).isEqualTo("order-7");
		JsonNode line = logLine(output, "looking at the notes");
		assertThat(line.path("correlation_id").asString()).isEqualTo("corr-given");
		assertThat(line.path("order_id").asString()).isEqualTo("order-7");
	}

	@Test
	void aRequestWithoutCorrelationGetsOneThatTheHandlerSeesToo(CapturedOutput output) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/order-8/notes"))
				.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
				.build(), HttpResponse.BodyHandlers.ofString());

		JsonNode seen = json.readTree(response.body());
		String correlation = seen.path("header").asString();
		assertThat(correlation).isNotBlank();
		assertThat(seen.path("context").path("correlation_id").asString()).isEqualTo(correlation);
	}

	private JsonNode logLine(CapturedOutput output, String message) {
		return output.getOut()
			.lines()
			.filter((line) -> line.startsWith("{") && line.contains(message))
			.map(json::readTree)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON log line with " + message + " in:\n" + output.getOut()));
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		Notes notes() {
			return new Notes();
		}

	}

	@RestController
	static class Notes {

		private static final Logger logger = LoggerFactory.getLogger(Notes.class);

		@Allow(Role.OPERATIONS)
		@GetMapping("/orders/{orderId}/notes")
		Map<String, Object> notes(@PathVariable String orderId, @RequestHeader HttpHeaders headers) {
			logger.info("looking at the notes");
			return Map.of("context", Objects.requireNonNullElse(MDC.getCopyOfContextMap(), Map.of()), "header",
					Objects.requireNonNullElse(headers.getFirst("X-Correlation-Id"), ""));
		}

	}

}
