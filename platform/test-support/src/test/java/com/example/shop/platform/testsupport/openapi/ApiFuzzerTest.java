package com.example.shop.platform.testsupport.openapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer against a real HTTP server that answers as told: it passes a server that
 * keeps its contract for every request, and finds a server error, an undocumented status,
 * an error that is no problem details and a leaked stack frame, each with its seed.
 */
class ApiFuzzerTest {

	private static final String DOCUMENT = """
			{"openapi": "3.1.0", "info": {"title": "Things", "version": "1.0.0"},
			 "paths": {
			  "/things/{id}": {"put": {"summary": "Put a thing", "tags": ["Things"],
			    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": "T-1"},
			                   {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
			    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
			    "responses": {"200": {"description": "Put"}, "400": {"description": "Malformed"}}}}},
			 "components": {"schemas": {"Thing": {"type": "object", "required": ["name"],
			   "properties": {"name": {"type": "string", "maxLength": 10}, "count": {"type": "integer", "minimum": 0}},
			   "example": {"name": "a", "count": 1}}}}}
			""";

	private static final String PROBLEM = "application/problem+json";

	private final JsonMapper json = JsonMapper.builder().build();

	private HttpServer server;

	private volatile Function<Received, Answer> answers;

	record Received(String path, String body) {
	}

	record Answer(int status, String contentType, String body) {
	}

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void passesAServerThatAnswersEveryRequestAsDocumented() {
		this.answers = (received) -> isThing(received.body()) ? new Answer(200, "application/json", "{}")
				: new Answer(400, PROBLEM, "{\"status\":400,\"detail\":\"Not a thing\"}");

		ApiFuzzer.Run run = fuzzer().fuzz(42, 300);

		assertThat(run.findings()).isEmpty();
		assertThat(run.statuses()).containsKeys("PUT /things/{id} -> 200", "PUT /things/{id} -> 400");
	}

	@Test
	void findsAServerErrorWithTheSeedThatCausedIt() {
		this.answers = (received) -> received.body().contains("count\":-")
				? new Answer(500, PROBLEM, "{\"status\":500}") : new Answer(200, "application/json", "{}");

		assertThat(fuzzer().fuzz(7, 300).findings()).isNotEmpty()
			.allSatisfy((finding) -> assertThat(finding).contains("seed 7").contains("answered 500"));
	}

	@Test
	void findsAnUndocumentedStatusAnErrorThatIsNoProblemAndLeakedInternals() {
		this.answers = (received) -> new Answer(404, PROBLEM, "{\"status\":404}");
		assertThat(fuzzer().fuzz(1, 20).findings()).anyMatch((finding) -> finding.contains("does not list"));

		this.answers = (received) -> new Answer(400, "text/html", "<h1>Bad Request</h1>");
		assertThat(fuzzer().fuzz(1, 20).findings()).anyMatch((finding) -> finding.contains("not as problem details"));

		this.answers = (received) -> new Answer(400, PROBLEM,
				"{\"status\":400,\"detail\":\"at com.example.Things.put(Things.java:12)\"}");
		assertThat(fuzzer().fuzz(1, 20).findings()).anyMatch((finding) -> finding.contains("internals"));
	}

	private boolean isThing(String body) {
		try {
			JsonNode thing = this.json.readTree(body);
			return thing.isObject() && thing.path("name").isString();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private ApiFuzzer fuzzer() {
		return new ApiFuzzer(this.json.readTree(DOCUMENT), "http://127.0.0.1:" + this.server.getAddress().getPort(),
				() -> "Bearer test");
	}

	private void answer(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Answer answer = this.answers.apply(new Received(exchange.getRequestURI().getRawPath(), body));
		exchange.getResponseHeaders().add("Content-Type", answer.contentType());
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
