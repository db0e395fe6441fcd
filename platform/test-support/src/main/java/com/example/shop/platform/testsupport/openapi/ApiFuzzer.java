package com.example.shop.platform.testsupport.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property-based fuzzing of a running service from its OpenAPI document: every request is
 * one of its documented operations, with path, query, header and body values drawn from a
 * seeded {@link Random} by each parameter's schema and example, and, often enough to
 * matter, made hostile: wrong types, missing and unknown fields, out-of-range numbers,
 * control characters, path traversal, very long strings, deep nesting, no body, another
 * content type. Whatever is sent, the service must answer
 * <ul>
 * <li>without a server error (no 5xx but a documented 503 with {@code Retry-After}: not
 * now, not broken),</li>
 * <li>with a status its document lists for that operation (unless an empty, {@code .} or
 * {@code ..} path segment made the request one for another resource),</li>
 * <li>and, for an error, with problem details ({@code application/problem+json}, the same
 * {@code status}) that name no Java class, stack frame or SQL.</li>
 * </ul>
 * A run is reproducible from its seed, which every finding names.
 */
public final class ApiFuzzer {

	/** How many findings a run reports at most: the first of each kind is enough. */
	private static final int REPORTED = 10;

	/** What an error body must never hold: a stack frame, a Java class, SQL. */
	public static final Pattern INTERNALS = Pattern.compile(
			"(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|javax|jakarta|org\\.springframework|org\\.postgresql|com\\.example|tools\\.jackson|com\\.mongodb|org\\.hibernate|org\\.apache|com\\.nimbusds)\\.[a-z]|Exception\\b|\\bSQL\\b|\\bselect\\b.+\\bfrom\\b|\\binsert into\\b)",
			Pattern.CASE_INSENSITIVE);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode document;

	private final String baseUrl;

	private final Supplier<String> authorization;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<ApiContract.DocumentedOperation> operations;

	/**
	 * A fuzzer of the service at {@code baseUrl} that serves {@code document}.
	 * @param authorization the {@code Authorization} header of every request: fuzzing
	 * looks past the access check, so the caller should be admitted everywhere
	 */
	public ApiFuzzer(JsonNode document, String baseUrl, Supplier<String> authorization) {
		this.document = document;
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.operations = ApiContract.operations(document);
	}

	/**
	 * Sends {@code requests} generated requests, drawn from {@code seed}.
	 * @return the statuses answered, and the findings: at most ten, each with the seed,
	 * the request and the answer; none when the service answered everything as it should
	 */
	public Run fuzz(long seed, int requests) {
		Random random = new Random(seed);
		Map<String, Integer> statuses = new TreeMap<>();
		List<String> findings = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			ApiContract.DocumentedOperation operation = this.operations.get(random.nextInt(this.operations.size()));
			Generated request = generate(operation, random);
			HttpResponse<String> response = send(request);
			statuses.merge(operation.name() + " -> " + response.statusCode(), 1, Integer::sum);
			String finding = judge(operation, request, response);
			if (finding != null && findings.size() < REPORTED) {
				findings.add("%s (seed %d, request %d: %s) %s".formatted(operation.name(), seed, i, request, finding));
			}
		}
		return new Run(statuses, findings);
	}

	/**
	 * What a run did and found.
	 *
	 * @param statuses how often each operation answered each status, e.g.
	 * {@code POST /orders -> 400}
	 * @param findings what the service answered that it should not have
	 */
	public record Run(Map<String, Integer> statuses, List<String> findings) {

	}

	private @Nullable String judge(ApiContract.DocumentedOperation operation, Generated request,
			HttpResponse<String> response) {
		int status = response.statusCode();
		String body = response.body();
		JsonNode responses = operation.operation().path("responses");
		boolean retryLater = status == 503 && responses.has("503")
				&& response.headers().firstValue("Retry-After").isPresent();
		if (status >= 500 && !retryLater) {
			return "answered " + status + ": " + abbreviate(body);
		}
		if (request.routed() && !responses.has(String.valueOf(status))) {
			return "answered %d, which its document does not list (%s): %s".formatted(status, responses.propertyNames(),
					abbreviate(body));
		}
		if (status >= 400) {
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			if (!contentType.startsWith("application/problem+json")) {
				return "answered %d as %s, not as problem details: %s".formatted(status, contentType, abbreviate(body));
			}
			JsonNode problem;
			try {
				problem = this.json.readTree(body);
			}
			catch (RuntimeException ex) {
				return "answered %d with problem details that are no JSON: %s".formatted(status, abbreviate(body));
			}
			if (problem.path("status").asInt() != status) {
				return "answered %d with a problem of status %s".formatted(status, problem.path("status"));
			}
			if (INTERNALS.matcher(body).find()) {
				return "answered %d with internals in its problem: %s".formatted(status, abbreviate(body));
			}
		}
		return null;
	}

	private Generated generate(ApiContract.DocumentedOperation operation, Random random) {
		JsonNode spec = operation.operation();
		String path = operation.path();
		StringBuilder query = new StringBuilder();
		Map<String, String> headers = new LinkedHashMap<>();
		boolean routed = true;
		for (JsonNode parameter : spec.path("parameters")) {
			String name = parameter.path("name").asString();
			String in = parameter.path("in").asString();
			boolean required = parameter.path("required").asBoolean(false);
			JsonNode schema = ApiContract.resolve(this.document, parameter.path("schema"));
			JsonNode example = parameter.path("example");
			switch (in) {
				case "path" -> {
					String value = text(parameterValue(schema, example, random));
					// an empty segment, . or .. makes the path another resource's
					routed &= !value.isEmpty() && !value.equals(".") && !value.equals("..");
					path = path.replace("{" + name + "}", encode(value));
				}
				case "query" -> {
					if (required || random.nextBoolean()) {
						query.append(query.isEmpty() ? "?" : "&")
							.append(encode(name))
							.append('=')
							.append(encode(text(parameterValue(schema, example, random))));
					}
				}
				case "header" -> {
					if (required || random.nextInt(4) > 0) {
						headers.put(name, visibleAscii(text(headerValue(schema, example, random))));
					}
				}
				default -> {
				}
			}
		}
		String body = null;
		String contentType = null;
		JsonNode content = spec.path("requestBody").path("content").path("application/json");
		if (!content.isMissingNode()) {
			JsonNode schema = ApiContract.resolve(this.document, content.path("schema"));
			JsonNode example = content.has("example") ? content.get("example") : schema.path("example");
			body = body(schema, example, random);
			int type = random.nextInt(20);
			contentType = (type < 18) ? "application/json" : (type == 18) ? "text/plain" : "application/xml";
		}
		return new Generated(operation.method(), path + query, routed, headers, contentType, body);
	}

	/**
	 * A request as sent, short enough to read in a finding.
	 *
	 * @param routed whether its path still names the operation's resource
	 */
	private record Generated(String method, String target, boolean routed, Map<String, String> headers,
			@Nullable String contentType, @Nullable String body) {

		@Override
		public String toString() {
			return this.method + " " + abbreviate(this.target) + " " + this.headers
					+ ((this.body != null) ? " " + this.contentType + " " + abbreviate(this.body) : "");
		}

	}

	private HttpResponse<String> send(Generated generated) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + generated.target()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", this.authorization.get());
		generated.headers().forEach(request::header);
		if (generated.body() != null) {
			request.header("Content-Type", generated.contentType());
			request.method(generated.method(), HttpRequest.BodyPublishers.ofString(generated.body()));
		}
		else {
			request.method(generated.method(), HttpRequest.BodyPublishers.noBody());
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("%s: the service did not answer".formatted(generated), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// what is drawn

	private static final List<String> BROKEN_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"a\":}", "\u0000",
			"[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
			"{\"customerId\": \"" + "x".repeat(2_000_000) + "\"}");

	/** Fields a client must not be able to set: mass assignment. */
	private static final List<String> PRIVILEGED_FIELDS = List.of("status", "total", "version", "customerId", "id",
			"balance", "role", "paid", "admin");

	private static final List<String> HOSTILE_STRINGS = List.of("", " ", "null", "-1", "0", "1e400", "NaN",
			"../../../etc/passwd", "..", ".", "%2e%2e%2f", "' OR '1'='1", "'; DROP TABLE events; --", "{\"$gt\": \"\"}",
			"<script>alert(1)</script>", "${jndi:ldap://x/a}", "\u0000", "\r\n", "\uFEFF", "\uD800",
			"C-" + "9".repeat(40), "x".repeat(70_000), "http://169.254.169.254/latest/meta-data/", "2026-02-30",
			"2026-12-02T25:00:00Z", "9999-12-31");

	private static final List<String> ODD_HEADERS = List.of("", " ", "*", "W/\"1\"", "\"-1\"",
			"\"99999999999999999999\"", "x".repeat(300), "\"1\", \"2\"", "%00", "../../etc/passwd");

	/**
	 * A body: the example or a value drawn from the schema, most often changed in one to
	 * three places; sometimes broken JSON, or no JSON at all.
	 */
	private String body(JsonNode schema, JsonNode example, Random random) {
		int kind = random.nextInt(17);
		if (kind < 4) {
			return this.json.writeValueAsString(value(schema, example, 0, random));
		}
		if (kind < 14) {
			JsonNode node = value(schema, example, 0, random).deepCopy();
			int mutations = 1 + random.nextInt(3);
			for (int i = 0; i < mutations; i++) {
				node = mutate(node, random);
			}
			return this.json.writeValueAsString(node);
		}
		if (kind < 16) {
			return pick(BROKEN_BODIES, random);
		}
		return anyText(random, 200);
	}

	/**
	 * One change at one place of {@code node}: a value replaced by a hostile one, a field
	 * removed, a privileged field added, an array emptied or grown past its limit.
	 */
	private static JsonNode mutate(JsonNode node, Random random) {
		List<JsonNode> containers = new ArrayList<>();
		collectContainers(node, containers);
		if (containers.isEmpty()) {
			return hostile(random);
		}
		JsonNode container = pick(containers, random);
		int kind = random.nextInt(10);
		if (container instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			if (kind < 2 || names.isEmpty()) {
				object.set(pick(PRIVILEGED_FIELDS, random), hostile(random));
			}
			else if (kind < 4) {
				object.remove(pick(names, random));
			}
			else {
				object.set(pick(names, random), hostile(random));
			}
		}
		else if (container instanceof ArrayNode array) {
			if (kind < 2) {
				array.removeAll();
			}
			else if (kind < 4 && !array.isEmpty()) {
				for (int i = 0; i < 150; i++) {
					array.add(array.get(0).deepCopy());
				}
			}
			else if (!array.isEmpty()) {
				array.set(random.nextInt(array.size()), hostile(random));
			}
			else {
				array.add(hostile(random));
			}
		}
		return node;
	}

	private static void collectContainers(JsonNode node, List<JsonNode> containers) {
		if (node.isObject() || node.isArray()) {
			containers.add(node);
			for (JsonNode child : node) {
				collectContainers(child, containers);
			}
		}
	}

	/**
	 * A value of {@code schema}: its example (a third of the time), or one drawn from it.
	 */
	private JsonNode value(JsonNode schema, JsonNode example, int depth, Random random) {
		JsonNode resolved = ApiContract.resolve(this.document, schema);
		JsonNode own = example.isMissingNode() ? resolved.path("example") : example;
		if (!own.isMissingNode() && !own.isNull() && random.nextInt(3) == 0) {
			return own;
		}
		return drawn(resolved, own, depth, random);
	}

	private JsonNode drawn(JsonNode schema, JsonNode example, int depth, Random random) {
		if (schema.has("enum")) {
			List<JsonNode> values = new ArrayList<>();
			schema.get("enum").forEach(values::add);
			return pick(values, random);
		}
		String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
		return switch (type) {
			case "object" -> object(schema, example, depth, random);
			case "array" -> array(schema, example, depth, random);
			case "integer" -> NODES.numberNode(
					between(schema.path("minimum").asLong(-1000), schema.path("maximum").asLong(1_000_000), random));
			case "number" ->
				NODES.numberNode(BigDecimal.valueOf(between((long) (schema.path("minimum").asDouble(-1000) * 100),
						(long) (schema.path("maximum").asDouble(100_000) * 100), random), 2));
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode(string(schema, example, random));
		};
	}

	private JsonNode object(JsonNode schema, JsonNode example, int depth, Random random) {
		ObjectNode object = NODES.objectNode();
		if (depth > 4) {
			return object;
		}
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			if (required.contains(name) || random.nextInt(4) > 0) {
				object.set(name, value(property.getValue(), example.path(name), depth + 1, random));
			}
		}
		return object;
	}

	private JsonNode array(JsonNode schema, JsonNode example, int depth, Random random) {
		ArrayNode array = NODES.arrayNode();
		if (depth > 4) {
			return array;
		}
		JsonNode itemExample = (example.isArray() && !example.isEmpty()) ? example.get(0) : NODES.missingNode();
		int min = schema.path("minItems").asInt(0);
		int max = Math.min(schema.path("maxItems").asInt(5), Math.max(min, 5));
		long size = between(min, max, random);
		for (int i = 0; i < size; i++) {
			array.add(value(schema.path("items"), itemExample, depth + 1, random));
		}
		return array;
	}

	/**
	 * A string for {@code schema}: a value of its format, or, for a pattern, the example
	 * with its digits drawn anew, which keeps patterns like {@code C-\d{6}}.
	 */
	private static String string(JsonNode schema, JsonNode example, Random random) {
		int max = Math.min(schema.path("maxLength").asInt(40), 300);
		int min = Math.min(schema.path("minLength").asInt(1), max);
		return switch (schema.path("format").asString("")) {
			case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
			case "date" -> LocalDate.of(2026, 12, 2).plusDays(between(-1000, 1000, random)).toString();
			case "date-time" -> Instant.ofEpochSecond(between(0, 4_102_444_800L, random)).toString();
			default -> {
				if (example.isString() && schema.has("pattern")) {
					StringBuilder value = new StringBuilder(example.asString());
					for (int i = 0; i < value.length(); i++) {
						if (Character.isDigit(value.charAt(i))) {
							value.setCharAt(i, (char) ('0' + random.nextInt(10)));
						}
					}
					yield value.toString();
				}
				String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
				long length = between(min, max, random);
				StringBuilder value = new StringBuilder();
				for (int i = 0; i < length; i++) {
					value.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				yield value.toString();
			}
		};
	}

	/** A path or query value: as documented three times in four, else hostile. */
	private JsonNode parameterValue(JsonNode schema, JsonNode example, Random random) {
		return (random.nextInt(4) > 0) ? value(schema, example, 0, random) : hostile(random);
	}

	/** A header value: as documented, odd, or hostile within what HTTP can carry. */
	private JsonNode headerValue(JsonNode schema, JsonNode example, Random random) {
		int kind = random.nextInt(5);
		if (kind < 3) {
			return value(schema, example, 0, random);
		}
		return (kind == 3) ? NODES.stringNode(pick(ODD_HEADERS, random)) : hostile(random);
	}

	/**
	 * A value a client should never send and a service must turn away politely: each JSON
	 * type where another is expected, limits of numbers, strings that attack paths,
	 * queries and parsers, any Unicode.
	 */
	private static JsonNode hostile(Random random) {
		return switch (random.nextInt(10)) {
			case 0, 1, 2, 3 -> NODES.stringNode(pick(HOSTILE_STRINGS, random));
			case 4, 5 -> NODES.stringNode(anyText(random, 30));
			case 6, 7 -> pick(
					List.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(-1),
							NODES.numberNode(0), NODES.numberNode(Integer.MAX_VALUE + 1L),
							NODES.numberNode(new BigDecimal("1E+400")),
							NODES.numberNode(new BigDecimal("0.000000000000000001")),
							NODES.numberNode(new BigDecimal("-99999999999999999999999.99")), NODES.numberNode(1.5)),
					random);
			default -> pick(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(),
					NODES.objectNode().put("nested", "object"), NODES.arrayNode().add(1).add("two")), random);
		};
	}

	/** Up to {@code max} characters from anywhere in Unicode, control characters too. */
	private static String anyText(Random random, int max) {
		int length = random.nextInt(max + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int plane = random.nextInt(4);
			text.appendCodePoint((plane == 0) ? random.nextInt(0x20) : (plane == 1) ? 0x20 + random.nextInt(0x5f)
					: (plane == 2) ? random.nextInt(0xD800) : 0x10000 + random.nextInt(0x100000));
		}
		return text.toString();
	}

	/**
	 * A number from {@code min} to {@code max}; one time in five a limit or zero, where
	 * off-by-one errors live.
	 */
	private static long between(long min, long max, Random random) {
		if (max <= min) {
			return min;
		}
		if (random.nextInt(5) == 0) {
			List<Long> edges = new ArrayList<>(List.of(min, max));
			if (min < 0 && max > 0) {
				edges.add(0L);
			}
			return pick(edges, random);
		}
		return min + Math.floorMod(random.nextLong(), max - min + 1);
	}

	private static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private static String text(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	/** What {@link HttpClient} lets a header carry: visible ASCII, space and tab. */
	private static String visibleAscii(String value) {
		return value.replaceAll("[^\\x20-\\x7e\\t]", "?").strip();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 300) ? text.substring(0, 300) + "...(" + text.length() + " characters)" : text;
	}

}
