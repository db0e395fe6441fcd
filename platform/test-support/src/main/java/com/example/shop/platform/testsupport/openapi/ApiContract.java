package com.example.shop.platform.testsupport.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.shop.platform.testsupport.Http;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.jspecify.annotations.Nullable;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The REST contract of one running service, checked against the document committed at
 * {@code docs/api/<service>.json}:
 * <ul>
 * <li>{@link #servedDocumentIsTheCommittedOne()}: the served document equals the
 * committed one, so a change to the API shows in review. Run the build with
 * {@code -Dopenapi.update=true} to write the served document over the committed one; that
 * run still fails if the change breaks a client of the committed document (by
 * openapi-diff) and the major version did not go up.</li>
 * <li>{@link #documentedExamplesAnswerDocumentedStatuses()}: each operation is called
 * with its documented examples, and with malformed JSON where it takes a body; every
 * answer must be a status the document lists for it, with the headers it lists, and an
 * error must be problem details.</li>
 * </ul>
 */
public final class ApiContract {

	private static final String UPDATE = "openapi.update";

	private static final String MALFORMED = "{\"unterminated\": ";

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	private final String service;

	private final String baseUrl;

	private final Path committed;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	ApiContract(String service, String baseUrl, Path committed) {
		this.service = service;
		this.baseUrl = baseUrl;
		this.committed = committed;
	}

	/**
	 * The contract of the service at {@code http://127.0.0.1:<port>}.
	 */
	public static ApiContract of(String service, int port) {
		// the module the test runs in is a directory of the repository's root
		Path committed = Path.of("").toAbsolutePath().getParent().resolve("docs/api/" + service + ".json");
		return new ApiContract(service, "http://127.0.0.1:" + port, committed);
	}

	/** Where the service answers, e.g. {@code http://127.0.0.1:8081}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The document the service serves at {@code /v3/api-docs}, without its
	 * {@code servers}, which name the test's random port.
	 */
	public JsonNode servedDocument() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/v3/api-docs")).GET());
		assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
		ObjectNode document = (ObjectNode) this.json.readTree(response.body());
		document.remove("servers");
		return document;
	}

	public void servedDocumentIsTheCommittedOne() {
		servedDocumentIsTheCommittedOne(Boolean.getBoolean(UPDATE));
	}

	void servedDocumentIsTheCommittedOne(boolean update) {
		JsonNode served = servedDocument();
		Path committed = this.committed;
		String servedText = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
		if (Files.exists(committed)) {
			ObjectNode committedDocument = (ObjectNode) this.json.readTree(read(committed));
			committedDocument.remove("servers");
			String committedText = this.json.writeValueAsString(committedDocument);
			ChangedOpenApi changes = OpenApiCompare.fromContents(committedText, servedText);
			if (changes.isIncompatible() && major(served) <= major(committedDocument)) {
				fail("The served API of %s breaks clients of the committed %s, and its major version did not go up "
						+ "(shop.api.version). What changed: missing or changed operations %s %s", this.service,
						committed, changes.getMissingEndpoints(), changes.getChangedOperations());
			}
			if (!update) {
				assertThat(served)
					.as("the served document of %s against %s (to accept the change, build with -D%s=true "
							+ "and commit the file)", this.service, committed, UPDATE)
					.isEqualTo(committedDocument);
				return;
			}
		}
		else if (!update) {
			fail("No committed document %s; build with -D%s=true to write it", committed, UPDATE);
		}
		write(committed, servedText);
	}

	/**
	 * Calls every operation with its documented examples, and with malformed JSON where
	 * it takes a body, and checks each answer against the document.
	 * @return the calls made, e.g. {@code POST /orders -> 201}
	 */
	public List<String> documentedExamplesAnswerDocumentedStatuses() {
		JsonNode document = servedDocument();
		List<String> calls = new ArrayList<>();
		for (DocumentedOperation documented : operations(document)) {
			String method = documented.method();
			JsonNode operation = documented.operation();
			String name = documented.name();
			assertThat(operation.path("summary").asString("")).as("summary of " + name).isNotBlank();
			assertThat(operation.path("tags")).as("tags of " + name).isNotEmpty();
			String uri = uri(documented.path(), operation, name);
			JsonNode body = requestExample(document, operation, name);
			calls.add(check(document, name, operation, call(method, uri, operation,
					(body != null) ? this.json.writeValueAsString(body) : null, TestPrincipal.TRUSTED_CLIENT)));
			if (body != null) {
				calls.add(check(document, name + " (malformed JSON)", operation,
						call(method, uri, operation, MALFORMED, TestPrincipal.TRUSTED_CLIENT)));
				assertThat(calls.getLast()).as("malformed JSON to " + name).endsWith("-> 400");
			}
		}
		return calls;
	}

	/**
	 * The authorization matrix of the service, generated from its document: every
	 * operation must list who may call it ({@code x-roles}), and is called as nobody, as
	 * each staff role, as a sales channel, and as two customers. Nobody gets 401, a
	 * principal without one of its roles 403, and one with a role another documented
	 * status. A command with a body is sent malformed JSON, so that an admitted call
	 * changes nothing: its 400 comes after the access check.
	 * @return each call, e.g. {@code POST /orders as FINANCE -> 403}
	 */
	public List<String> everyOperationAdmitsExactlyItsDocumentedRoles() {
		JsonNode document = servedDocument();
		List<String> calls = new ArrayList<>();
		for (DocumentedOperation documented : operations(document)) {
			String method = documented.method();
			JsonNode operation = documented.operation();
			String name = documented.name();
			List<String> roles = new ArrayList<>();
			operation.path("x-roles").forEach((role) -> roles.add(role.asString()));
			assertThat(roles).as("who may call %s (x-roles, from its @Allow)", name).isNotEmpty();
			assertThat(operation.path("security")).as("security requirement of " + name).isNotEmpty();
			String uri = uri(documented.path(), operation, name);
			String body = (requestExample(document, operation, name) != null) ? MALFORMED : null;

			HttpResponse<String> anonymous = call(method, uri, operation, body, null);
			assertThat(anonymous.statusCode()).as("%s without a token: %s", name, anonymous.body()).isEqualTo(401);
			calls.add(check(document, name + " anonymously", operation, anonymous));
			for (TestPrincipal principal : TestPrincipal.values()) {
				String as = name + " as " + principal;
				HttpResponse<String> response = call(method, uri, operation, body, principal);
				boolean admitted = principal.roles().stream().anyMatch(roles::contains);
				if (admitted) {
					assertThat(response.statusCode()).as("%s, admitted by %s: %s", as, roles, response.body())
						.isNotIn(401, 403);
				}
				else {
					assertThat(response.statusCode()).as("%s, not one of %s: %s", as, roles, response.body())
						.isEqualTo(403);
				}
				calls.add(check(document, as, operation, response));
			}
		}
		return calls;
	}

	/** Every operation of the document, path by path. */
	static List<DocumentedOperation> operations(JsonNode document) {
		List<DocumentedOperation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (METHODS.contains(entry.getKey())) {
					operations
						.add(new DocumentedOperation(entry.getKey().toUpperCase(), path.getKey(), entry.getValue()));
				}
			}
		}
		return operations;
	}

	record DocumentedOperation(String method, String path, JsonNode operation) {

		String name() {
			return this.method + " " + this.path;
		}

	}

	private String check(JsonNode document, String name, JsonNode operation, HttpResponse<String> response) {
		String status = String.valueOf(response.statusCode());
		JsonNode documented = operation.path("responses").path(status);
		assertThat(documented.isMissingNode())
			.as("%s answered %s, which its document does not list (%s): %s", name, status,
					operation.path("responses").propertyNames(), response.body())
			.isFalse();
		for (String header : documented.path("headers").propertyNames()) {
			assertThat(response.headers().firstValue(header)).as("%s header of %s %s", header, name, status)
				.isPresent();
		}
		if (response.statusCode() >= 400) {
			assertThat(response.headers().firstValue("Content-Type").orElse(""))
				.as("content type of %s %s", name, status)
				.startsWith("application/problem+json");
			assertThat(this.json.readTree(response.body()).path("status").asInt()).as("problem status of " + name)
				.isEqualTo(response.statusCode());
			assertThat(documented.path("content").has("application/problem+json"))
				.as("problem schema of %s %s", name, status)
				.isTrue();
		}
		String body = response.body();
		if (body != null && !body.isBlank() && documented.path("content").size() > 0) {
			JsonNode schema = documented.path("content").values().iterator().next().path("schema");
			List<String> undocumented = new ArrayList<>();
			undocumented(document, schema, this.json.readTree(body), "", undocumented);
			assertThat(undocumented)
				.as("fields of the %s answer to %s that its schema does not document: %s", status, name, body)
				.isEmpty();
		}
		return name + " -> " + status;
	}

	/**
	 * Collects the fields of {@code value} that {@code schema} does not document, at any
	 * depth: an answer may leave documented fields out, but every field it has must be in
	 * the document, so that a schema cannot describe another type than the one served.
	 */
	private static void undocumented(JsonNode document, JsonNode schema, JsonNode value, String path,
			List<String> found) {
		JsonNode resolved = resolve(document, schema);
		if (value.isArray()) {
			JsonNode items = resolved.path("items");
			if (!items.isMissingNode()) {
				for (int i = 0; i < value.size(); i++) {
					undocumented(document, items, value.get(i), path + "[" + i + "]", found);
				}
			}
			return;
		}
		if (!value.isObject()) {
			return;
		}
		Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
		JsonNode additional = null;
		List<JsonNode> parts = new ArrayList<>(List.of(resolved));
		for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
			resolved.path(combinator).forEach((part) -> parts.add(resolve(document, part)));
		}
		for (JsonNode part : parts) {
			part.path("properties").properties().forEach((entry) -> properties.put(entry.getKey(), entry.getValue()));
			if (part.has("additionalProperties")) {
				additional = part.get("additionalProperties");
			}
		}
		if (properties.isEmpty() && additional == null) {
			return; // a free-form object
		}
		for (Map.Entry<String, JsonNode> field : value.properties()) {
			String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
			JsonNode fieldSchema = properties.get(field.getKey());
			if (fieldSchema == null && additional != null && additional.isObject()) {
				fieldSchema = additional;
			}
			if (fieldSchema == null) {
				if (additional == null || !additional.asBoolean(false)) {
					found.add(fieldPath);
				}
				continue;
			}
			undocumented(document, fieldSchema, field.getValue(), fieldPath, found);
		}
	}

	static JsonNode resolve(JsonNode document, JsonNode schema) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String ref = resolved.get("$ref").asString();
			resolved = document.at(ref.substring(1));
		}
		return resolved;
	}

	private String uri(String template, JsonNode operation, String name) {
		String path = template;
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.path("parameters")) {
			String in = parameter.path("in").asString();
			String parameterName = parameter.path("name").asString();
			JsonNode example = parameter.path("example");
			if ("path".equals(in)) {
				assertThat(example.isMissingNode()).as("example of path parameter %s of %s", parameterName, name)
					.isFalse();
				path = path.replace("{" + parameterName + "}", encode(example.asString()));
			}
			else if ("query".equals(in) && parameter.path("required").asBoolean(false)) {
				assertThat(example.isMissingNode())
					.as("example of required query parameter %s of %s", parameterName, name)
					.isFalse();
				query.append(query.isEmpty() ? "?" : "&")
					.append(parameterName)
					.append('=')
					.append(encode(example.asString()));
			}
		}
		return this.baseUrl + path + query;
	}

	private JsonNode requestExample(JsonNode document, JsonNode operation, String name) {
		JsonNode content = operation.path("requestBody").path("content").path("application/json");
		if (content.isMissingNode()) {
			return null;
		}
		JsonNode schema = content.path("schema");
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			schema = document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		JsonNode example = content.has("example") ? content.get("example") : schema.path("example");
		assertThat(example.isObject()).as("an example request body of %s", name).isTrue();
		return example;
	}

	private HttpResponse<String> call(String method, String uri, JsonNode operation, @Nullable String body,
			@Nullable TestPrincipal principal) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
		if (principal != null) {
			request.header("Authorization", principal.authorization());
		}
		for (JsonNode parameter : operation.path("parameters")) {
			if ("header".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
				request.header(parameter.path("name").asString(), parameter.path("example").asString());
			}
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return Http.send(this.http, request.build());
	}

	private static int major(JsonNode document) {
		String version = document.path("info").path("version").asString("0");
		return Integer.parseInt(version.split("\\.")[0]);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
