package com.example.shop.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The gateway exposes the whole API on one port: commands go to the command side, reads
 * to the query side, each context's resources to its service. The same requests are sent
 * through compose's nginx rules and through the Kubernetes HTTPRoute (with the Gateway
 * API's matching rules), and both must pick the service that owns the resource, or none.
 */
class GatewayRoutesTest {

	private static final String NGINX_CONF = "compose/gateway/nginx.conf";

	private static final Pattern MAP_LINE = Pattern.compile("^\\s*\"~(.+)\"\\s+([A-Za-z0-9-]+);", Pattern.MULTILINE);

	private static final Pattern UPSTREAM = Pattern
		.compile("upstream\\s+([A-Za-z0-9-]+)\\s*\\{[^}]*?server\\s+([A-Za-z0-9.-]+):(\\d+)", Pattern.DOTALL);

	/**
	 * Who owns which request: the routing table of the API. {@code null}: nobody (404).
	 */
	static Stream<Arguments> requests() {
		return Stream.of(arguments("POST", "/orders", "order-command-service"),
				arguments("POST", "/orders/0b7e5c1a/cancellation", "order-command-service"),
				arguments("GET", "/orders/0b7e5c1a/history", "order-command-service"),
				arguments("GET", "/orders/0b7e5c1a", "order-query-service"),
				arguments("GET", "/customers/C-000123/orders", "order-query-service"),
				arguments("GET", "/reports/revenue", "order-query-service"),
				arguments("GET", "/shipments", "order-query-service"),
				arguments("GET", "/projections", "order-query-service"),
				arguments("POST", "/projections/order-summary/rebuild", "order-query-service"),
				arguments("POST", "/accounts", "payment-service"),
				arguments("GET", "/accounts/C-000123", "payment-service"),
				arguments("PUT", "/products/SKU-1/stock", "inventory-service"),
				arguments("GET", "/products/SKU-1", "inventory-service"),
				arguments("GET", "/sagas/0b7e5c1a", "saga-orchestrator"),
				arguments("POST", "/oauth2/token", "identity-service"),
				arguments("GET", "/oauth2/authorize", "identity-service"),
				arguments("GET", "/oauth2/jwks", "identity-service"),
				arguments("GET", "/.well-known/openid-configuration", "identity-service"),
				arguments("GET", "/login", "identity-service"), arguments("POST", "/login", "identity-service"),
				arguments("GET", "/userinfo", "identity-service"), arguments("GET", "/console", "ops-console"),
				arguments("GET", "/console/sagas", "ops-console"),
				arguments("POST", "/console/dead-letters/payment-service/payments.commands/0-1/redrive", "ops-console"),
				arguments("GET", "/consoles", null), arguments("GET", "/dead-letters", null),
				arguments("GET", "/outbox", null), arguments("GET", "/.well-known/other", null),
				arguments("GET", "/orders", null), arguments("DELETE", "/orders/0b7e5c1a", null),
				arguments("POST", "/orders/0b7e5c1a", null), arguments("GET", "/orders/0b7e5c1a/cancellation", null),
				arguments("POST", "/orders/0b7e5c1a/history", null), arguments("GET", "/accountsx", null),
				arguments("GET", "/actuator/health", null), arguments("GET", "/", null));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("requests")
	void composeGatewaySendsEachRequestToTheServiceThatOwnsIt(String method, String path, String owner) {
		assertThat(nginxRoute(method, path)).as("nginx: %s %s", method, path).isEqualTo(Optional.ofNullable(owner));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("requests")
	void kubernetesRouteSendsEachRequestToTheServiceThatOwnsItWithoutAmbiguity(String method, String path,
			String owner) {
		List<String> matched = httpRouteMatches(method, path);
		assertThat(matched).as("HTTPRoute matches of %s %s (at most one, so precedence never decides)", method, path)
			.hasSizeLessThanOrEqualTo(1);
		assertThat(matched.stream().findFirst()).as("HTTPRoute: %s %s", method, path)
			.isEqualTo(Optional.ofNullable(owner));
	}

	@Test
	void composeGatewayReachesEveryServiceOnItsPort() {
		Map<String, String> upstreams = new LinkedHashMap<>();
		Matcher matcher = UPSTREAM.matcher(Repository.read(NGINX_CONF));
		while (matcher.find()) {
			upstreams.put(matcher.group(1), matcher.group(2) + ":" + matcher.group(3));
		}
		for (ServiceConfiguration service : ServiceConfiguration.all()) {
			assertThat(upstreams).as("nginx upstreams")
				.containsEntry(service.name(), service.name() + ":" + service.port());
		}
		List<String> routed = new ArrayList<>();
		Matcher lines = MAP_LINE.matcher(Repository.read(NGINX_CONF));
		while (lines.find()) {
			routed.add(lines.group(2));
		}
		assertThat(upstreams.keySet()).as("upstreams that a route uses")
			.containsExactlyInAnyOrderElementsOf(routed.stream().distinct().toList());
	}

	/**
	 * The upstream of the first map line whose regular expression matches, as nginx
	 * picks.
	 */
	static Optional<String> nginxRoute(String method, String path) {
		Matcher lines = MAP_LINE.matcher(Repository.read(NGINX_CONF));
		String request = method + " " + path;
		while (lines.find()) {
			if (Pattern.compile(lines.group(1)).matcher(request).find()) {
				return Optional.of(lines.group(2));
			}
		}
		return Optional.empty();
	}

	/**
	 * The backend of every HTTPRoute match that accepts the request, by the Gateway API's
	 * rules: a method, when given, must be equal; {@code Exact} paths are equal,
	 * {@code PathPrefix} matches whole path segments, {@code RegularExpression} must
	 * match the whole path.
	 */
	static List<String> httpRouteMatches(String method, String path) {
		List<String> backends = new ArrayList<>();
		for (JsonNode route : Kustomize.ofKind(Kustomize.render("k8s/base"), "HTTPRoute")) {
			for (JsonNode rule : route.path("spec").path("rules")) {
				String backend = rule.path("backendRefs").path(0).path("name").asText();
				for (JsonNode match : rule.path("matches")) {
					if (matches(match, method, path)) {
						backends.add(backend);
					}
				}
			}
		}
		return backends;
	}

	private static boolean matches(JsonNode match, String method, String path) {
		if (match.has("method") && !match.path("method").asText().equals(method)) {
			return false;
		}
		JsonNode pathMatch = match.path("path");
		String value = pathMatch.path("value").asText("/");
		return switch (pathMatch.path("type").asText("PathPrefix")) {
			case "Exact" -> path.equals(value);
			case "PathPrefix" -> value.equals("/") || path.equals(value) || path.startsWith(value + "/");
			case "RegularExpression" -> Pattern.compile(value).matcher(path).matches();
			default -> throw new AssertionError("Unknown path match type " + pathMatch);
		};
	}

}
