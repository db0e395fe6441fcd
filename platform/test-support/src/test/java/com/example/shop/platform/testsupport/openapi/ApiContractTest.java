package com.example.shop.platform.testsupport.openapi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract checks against a real HTTP server that serves a document and answers calls
 * as told: each check passes on a service that keeps its contract and fails on one that
 * does not.
 */
class ApiContractTest {

	private static final String GET_THING = """
			"/things/{id}": {"get": {"summary": "A thing", "tags": ["Things"],
			  "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "example": "T-1"}],
			  "responses": {
			    "200": {"description": "The thing", "headers": {"ETag": {"schema": {"type": "string"}}}},
			    "404": {"description": "No such thing", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}
			""";

	private static final String POST_THINGS = """
			"/things": {"post": {"summary": "Make a thing", "tags": ["Things"],
			  "requestBody": {"content": {"application/json": {"schema": {"type": "object", "example": {"name": "a"}}}}},
			  "responses": {
			    "201": {"description": "Made"},
			    "400": {"description": "Malformed", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}}
			""";

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private HttpServer server;

	private volatile String document;

	@TempDir
	Path directory;

	record Answer(int status, String contentType, String body, Map<String, String> headers) {
	}

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
					+ (body.contains("unterminated") ? " malformed" : "");
			Answer answer = key.equals("GET /v3/api-docs")
					? new Answer(200, "application/json", this.document, Map.of())
					: this.answers.getOrDefault(key, new Answer(500, "text/plain", "unexpected " + key, Map.of()));
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			exchange.getResponseHeaders().add("Content-Type", answer.contentType());
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void passesWhenTheServedDocumentIsTheCommittedOne() throws IOException {
		serve("1.0.0", GET_THING);
		Files.writeString(committed(), this.document);

		contract().servedDocumentIsTheCommittedOne(false);
	}

	@Test
	void failsOnAnyDifferenceUntilTheDocumentIsUpdatedAndThenWritesIt() throws IOException {
		serve("1.0.0", GET_THING);
		Files.writeString(committed(), this.document);
		serve("1.0.0", GET_THING + "," + POST_THINGS);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().servedDocumentIsTheCommittedOne(false))
			.withMessageContaining("-Dopenapi.update=true");
		contract().servedDocumentIsTheCommittedOne(true);
		assertThat(Files.readString(committed())).contains("/things\"", "Make a thing");
		contract().servedDocumentIsTheCommittedOne(false);
	}

	@Test
	void refusesABreakingChangeUnlessTheMajorVersionGoesUp() throws IOException {
		serve("1.0.0", GET_THING + "," + POST_THINGS);
		Files.writeString(committed(), this.document);
		serve("1.1.0", GET_THING);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().servedDocumentIsTheCommittedOne(true))
			.withMessageContaining("breaks clients");
		assertThat(Files.readString(committed())).contains("Make a thing");

		serve("2.0.0", GET_THING);
		contract().servedDocumentIsTheCommittedOne(true);
		assertThat(Files.readString(committed())).doesNotContain("Make a thing");
	}

	@Test
	void replaysTheExamplesAndAcceptsDocumentedAnswers() {
		serve("1.0.0", GET_THING + "," + POST_THINGS);
		this.answers.put("GET /things/T-1", new Answer(200, "application/json", "{}", Map.of("ETag", "\"1\"")));
		this.answers.put("POST /things", new Answer(201, "application/json", "{}", Map.of()));
		this.answers.put("POST /things malformed",
				new Answer(400, "application/problem+json", "{\"status\":400}", Map.of()));

		assertThat(contract().documentedExamplesAnswerDocumentedStatuses()).containsExactly("GET /things/{id} -> 200",
				"POST /things -> 201", "POST /things (malformed JSON) -> 400");
	}

	@Test
	void failsWhenMalformedJsonIsNot400() {
		serve("1.0.0", POST_THINGS);
		this.answers.put("POST /things", new Answer(201, "application/json", "{}", Map.of()));
		this.answers.put("POST /things malformed", new Answer(201, "application/json", "{}", Map.of()));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().documentedExamplesAnswerDocumentedStatuses())
			.withMessageContaining("malformed JSON to POST /things");
	}

	@Test
	void failsOnAStatusTheDocumentDoesNotList() {
		serve("1.0.0", GET_THING);
		this.answers.put("GET /things/T-1", new Answer(409, "application/problem+json", "{\"status\":409}", Map.of()));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().documentedExamplesAnswerDocumentedStatuses())
			.withMessageContaining("answered 409, which its document does not list");
	}

	@Test
	void failsOnAMissingDocumentedHeaderOrAnErrorThatIsNoProblem() {
		serve("1.0.0", GET_THING);
		this.answers.put("GET /things/T-1", new Answer(200, "application/json", "{}", Map.of()));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().documentedExamplesAnswerDocumentedStatuses())
			.withMessageContaining("ETag header");

		this.answers.put("GET /things/T-1", new Answer(404, "text/html", "<h1>Not Found</h1>", Map.of()));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().documentedExamplesAnswerDocumentedStatuses())
			.withMessageContaining("content type");
	}

	@Test
	void failsOnAFieldTheSchemaDoesNotDocumentAtAnyDepth() {
		String listThings = """
				"/things": {"get": {"summary": "The things", "tags": ["Things"],
				  "responses": {"200": {"description": "The things", "content": {"application/json": {"schema":
				    {"type": "object", "properties": {"things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}}}}}
				""";
		serve("1.0.0", listThings);
		this.document = this.document.strip().replaceAll("}$", "")
				+ ", \"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}}}}";
		this.answers.put("GET /things",
				new Answer(200, "application/json", "{\"things\": [{\"name\": \"a\"}, {}]}", Map.of()));
		assertThat(contract().documentedExamplesAnswerDocumentedStatuses()).containsExactly("GET /things -> 200");

		this.answers.put("GET /things", new Answer(200, "application/json",
				"{\"things\": [{\"name\": \"a\"}, {\"name\": \"b\", \"colour\": \"red\"}]}", Map.of()));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> contract().documentedExamplesAnswerDocumentedStatuses())
			.withMessageContaining("things[1].colour");
	}

	private void serve(String version, String paths) {
		this.document = """
				{"openapi": "3.1.0", "info": {"title": "Things", "version": "%s"},
				 "servers": [{"url": "http://127.0.0.1:%d"}],
				 "paths": {%s}}
				""".formatted(version, this.server.getAddress().getPort(), paths);
	}

	private ApiContract contract() {
		return new ApiContract("things", "http://127.0.0.1:" + this.server.getAddress().getPort(), committed());
	}

	private Path committed() {
		return this.directory.resolve("things.json");
	}

}
