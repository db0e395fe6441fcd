package com.example.shop.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from {@code POST /orders} through every saga step in all five services to the
 * projections, read back from the trace backend (Zipkin) the services report to.
 */
class TracingIT extends SystemTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anOrderIsOneTraceFromItsRequestThroughEverySagaStepToTheProjections() {
		String suffix = String.valueOf(Math.floorMod(System.nanoTime(), 1_000_000L));
		String customer = String.format("C-%06d", Integer.parseInt(suffix));
		String sku = "TRACE-" + suffix;
		this.shop.openAccount(customer, "100.00");
		this.shop.createProduct(sku, 5);

		ShopClient.PlacedOrder order = this.shop.placeOrder(customer, sku, 1, "12.50", "DE");
		JsonNode saga = this.shop.awaitSagaState(order.orderId(), "COMPLETED", TIMEOUT);
		String traceId = saga.get("traceId").asString();
		assertThat(traceId).as("the saga view names its trace").matches("[0-9a-f]{32}");

		// complete when the confirmation was applied and projected, and every span's
		// parent has arrived too (each service reports its spans a second or so later)
		List<Span> trace = awaitTrace(traceId,
				(spans) -> spans.stream()
					.map(Span::label)
					.toList()
					.containsAll(List.of("order-command-service: process orders.commands",
							"order-query-service: project orders.events"))
						&& spans.stream()
							.map(Span::parentId)
							.filter(Objects::nonNull)
							.allMatch((parent) -> spans.stream().anyMatch((span) -> span.id().equals(parent))));

		assertThat(trace).as("the request that placed the order is the trace's root")
			.filteredOn((span) -> span.parentId() == null)
			.singleElement()
			.satisfies((root) -> {
				assertThat(root.service()).isEqualTo("order-command-service");
				assertThat(root.name()).isEqualTo("http post /orders");
				assertThat(root.kind()).isEqualTo("SERVER");
			});
		Set<String> ids = new HashSet<>(trace.stream().map(Span::id).toList());
		assertThat(trace).as("every other span hangs from a span of the same trace")
			.filteredOn((span) -> span.parentId() != null)
			.allSatisfy((span) -> assertThat(ids).contains(span.parentId()));
		assertThat(trace).extracting(Span::service)
			.contains("order-command-service", "saga-orchestrator", "payment-service", "inventory-service",
					"order-query-service");
		assertThat(trace).extracting(Span::label)
			.as("each saga step, sent by the orchestrator, applied by its participant, and the reply back")
			.contains("order-command-service: send orders.events", "saga-orchestrator: process orders.events",
					"saga-orchestrator: send payments.commands", "payment-service: process payments.commands",
					"payment-service: send payments.events", "saga-orchestrator: process payments.events",
					"saga-orchestrator: send inventory.commands", "inventory-service: process inventory.commands",
					"inventory-service: send inventory.events", "saga-orchestrator: process inventory.events",
					"saga-orchestrator: send orders.commands", "order-command-service: process orders.commands",
					"order-query-service: project orders.events", "order-query-service: project payments.events",
					"order-query-service: project inventory.events");
		Map<String, Span> byId = trace.stream().collect(Collectors.toMap(Span::id, Function.identity()));
		assertThat(trace).as("each message is applied in a span that continues the span that sent it")
			.filteredOn((span) -> span.name().startsWith("process ") || span.name().startsWith("project "))
			.allSatisfy((span) -> assertThat(byId.get(span.parentId()).name())
				.isEqualTo("send " + span.name().substring(span.name().indexOf(' ') + 1)));
		assertThat(trace).as("each message is sent in the trace of the change, in the service that made it")
			.filteredOn((span) -> span.name().startsWith("send "))
			.allSatisfy((span) -> assertThat(byId.get(span.parentId()).service()).isEqualTo(span.service()));
		assertThat(trace).as("the SQL statements, inside spans of the service that runs them")
			.filteredOn((span) -> span.name().equals("query"))
			.isNotEmpty()
			.allSatisfy((span) -> {
				assertThat(span.kind()).isEqualTo("CLIENT");
				assertThat(byId.get(span.parentId()).service()).isEqualTo(span.service());
			})
			.extracting(Span::service)
			.contains("order-command-service", "payment-service", "inventory-service", "saga-orchestrator");
	}

	private List<Span> awaitTrace(String traceId, Predicate<List<Span>> complete) {
		Instant deadline = Instant.now().plus(TIMEOUT);
		List<Span> spans = List.of();
		while (Instant.now().isBefore(deadline)) {
			spans = trace(traceId);
			if (complete.test(spans)) {
				return spans;
			}
			ShopClient.pause(Duration.ofMillis(500));
		}
		throw new AssertionError("Trace " + traceId + " was not complete within " + TIMEOUT.toSeconds() + " s: "
				+ spans.stream().map(Span::label).sorted().toList());
	}

	private List<Span> trace(String traceId) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.system.zipkinUrl() + "api/v2/trace/" + traceId))
			.timeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return List.of();
			}
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			List<Span> spans = new ArrayList<>();
			for (JsonNode span : this.json.readTree(response.body())) {
				spans.add(new Span(span.get("id").asString(),
						span.has("parentId") ? span.get("parentId").asString() : null,
						span.path("localEndpoint").path("serviceName").asString(), span.path("name").asString(),
						span.has("kind") ? span.get("kind").asString() : null));
			}
			return spans;
		}
		catch (IOException ex) {
			return List.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A span as Zipkin's API shows it.
	 */
	record Span(String id, String parentId, String service, String name, String kind) {

		String label() {
			return this.service + ": " + this.name;
		}

	}

}
