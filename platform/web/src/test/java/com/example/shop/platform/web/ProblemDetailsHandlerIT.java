package com.example.shop.platform.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem-details base in a real embedded Tomcat, under an advice that, like every
 * service's, maps only its own exception; and problem details for what the container and
 * the firewall refuse before any controller.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.security.oauth2.resourceserver.jwt.audiences=shop-api", "shop.web.max-request-bytes=256" })
class ProblemDetailsHandlerIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBodyWithInvalidFieldsIs400NamingEachField() throws Exception {
		HttpResponse<String> response = post("{\"name\":\" \"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"detail\":\"The request has invalid fields; see errors.\"")
			.contains("\"errors\":[{")
			.contains("\"field\":\"name\"")
			.contains("\"message\":\"must not be blank\"");
	}

	@Test
	void aBodyThatIsNotJsonOfTheExpectedShapeIs400() throws Exception {
		HttpResponse<String> response = post("{\"name\":");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request body is not valid JSON of the expected shape.");
	}

	@Test
	void aChunkedBodyThatGrowsPastTheLimitIs413() throws Exception {
		byte[] body = ("{\"name\":\"" + "x".repeat(1000) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":413");
	}

	@Test
	void aServiceMapsItsOwnExceptionWithTheBaseHelpers() throws Exception {
		HttpResponse<String> response = post("{\"name\":\"forbidden\"}");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"detail\":\"forbidden is not a name we take\"")
			.contains("\"field\":\"name\"")
			.contains("\"message\":\"forbidden is not a name we take\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			/days?on=2026-13-01          | on    | must be an ISO date such as 2026-11-27
			/days?on=2026-01-01&count=x  | count | must be a whole number
			/days                        | on    | is required
			/days?on=2026-01-01&count=0  | count | must be greater than or equal to 1
			/days?on=1999-12-31          | on    | must be in 2000 or later
			""")
	void aParameterThatIsMissingMalformedOrRefusedIs400NamingIt(String path, String parameter, String message)
			throws Exception {
		assertThat(get("/days?on=2026-01-01&count=2").statusCode()).isEqualTo(200);

		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"detail\":\"The request has invalid parameters; see errors.\"")
			.contains("\"field\":\"" + parameter + "\"")
			.contains("\"message\":\"" + message + "\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/things/a%2Fb", "/things/%0D%0A", "/things/%00", "/things/a%5Cb", "/things/%2E%2E%2F%2E%2E" })
	void aPathTheContainerOrTheFirewallRefusesIs400AsProblemDetails(String path) throws Exception {
		HttpResponse<String> response = get(path);

		assertThat(response.statusCode()).isEqualTo(400);
		assertProblemWithoutInternals(response, 400);
	}

	@Test
	void aQueryValueWithAControlCharacterIs400() throws Exception {
		assertThat(get("/things?name=ab").statusCode()).isEqualTo(200);

		HttpResponse<String> response = get("/things?name=a%00b");

		assertThat(response.statusCode()).isEqualTo(400);
		assertProblemWithoutInternals(response, 400);
	}

	@Test
	void aBodyWithNulInTextIs400NotAFailedTransaction() throws Exception {
		HttpResponse<String> response = post("{\"name\":\"a\\u0000b\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("The request body is not valid JSON of the expected shape.");
	}

	@Test
	void aRequestLineTooLongIsProblemDetails() throws Exception {
		HttpResponse<String> response = get("/things/" + "x".repeat(20_000));

		assertThat(response.statusCode()).isBetween(400, 431);
		assertProblemWithoutInternals(response, response.statusCode());
	}

	@Test
	void anUnknownRouteIs404AsProblemDetails() throws Exception {
		HttpResponse<String> response = get("/nothing/here");

		assertThat(response.statusCode()).isEqualTo(404);
		assertProblemWithoutInternals(response, 404);
	}

	private static void assertProblemWithoutInternals(HttpResponse<String> response, int status) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status)
			.doesNotContain("Exception", "org.", "Tomcat", "<html");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Things things() {
			return new Things();
		}

		@Bean
		Advice advice() {
			return new Advice();
		}

	}

	record Thing(@NotBlank String name) {
	}

	static class RefusedNameException extends RuntimeException {

		RefusedNameException(String name) {
			super(name + " is not a name we take");
		}

	}

	@RestController
	static class Things {

		@Allow(Role.OPERATIONS)
		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			if (thing.name().equals("forbidden")) {
				throw new RefusedNameException(thing.name());
			}
			return thing;
		}

		@Allow(Role.OPERATIONS)
		@GetMapping("/things")
		Thing find(@RequestParam String name) {
			return new Thing(name);
		}

		@Allow(Role.OPERATIONS)
		@GetMapping("/days")
		String days(@RequestParam LocalDate on, @RequestParam(defaultValue = "1") @Min(1) int count) {
			if (on.getYear() < 2000) {
				throw new InvalidParameterException("on", "must be in 2000 or later");
			}
			return on + " x" + count;
		}

	}

	@RestControllerAdvice
	static class Advice extends ProblemDetailsHandler {

		@ExceptionHandler
		ResponseEntity<ProblemDetail> refused(RefusedNameException ex) {
			return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex, "name");
		}

	}

}
