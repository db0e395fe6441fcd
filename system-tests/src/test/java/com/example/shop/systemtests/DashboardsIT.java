package com.example.shop.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.shop.platform.localstack.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of every Grafana dashboard ({@code compose/grafana/dashboards}) returns
 * series from the services' real metrics: a real Prometheus (Debian's {@code prometheus}
 * package) scrapes the running system with the project's scrape configuration
 * ({@code compose/prometheus/prometheus.yml}, its targets pointed at this system's
 * instances) and evaluates each panel's expression. A dashboard that names a metric no
 * service exports fails the build. The latency buckets carry exemplars that name traces.
 */
class DashboardsIT extends SystemTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	/** A compose scrape target: a service's name and its management port. */
	private static final Pattern TARGET = Pattern.compile("(?m)^(\\s+)- ([a-z-]+):\\d+$");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private Process prometheus;

	private String prometheusUrl;

	@BeforeAll
	void start() throws IOException {
		Path work = Files.createDirectories(Path.of("target", "prometheus-" + UUID.randomUUID()));
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, scrapeConfiguration());
		int port = Ports.free();
		this.prometheusUrl = "http://127.0.0.1:" + port;
		try {
			this.prometheus = new ProcessBuilder("prometheus", "--config.file=" + config.toAbsolutePath(),
					"--storage.tsdb.path=" + work.resolve("data").toAbsolutePath(),
					"--web.listen-address=127.0.0.1:" + port, "--enable-feature=exemplar-storage")
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("prometheus.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("prometheus is not on the PATH, so the dashboards cannot be checked against"
					+ " real metrics: install Debian's prometheus package (.ci/run does)", ex);
		}
	}

	@AfterAll
	void stop() {
		if (this.prometheus != null) {
			this.prometheus.destroy();
		}
	}

	/**
	 * The project's scrape configuration with this system's instances as targets, the
	 * alert rules at their path in the repository, and a scrape every second.
	 */
	private String scrapeConfiguration() throws IOException {
		Path compose = this.system.root().resolve("compose").resolve("prometheus");
		String configuration = Files.readString(compose.resolve("prometheus.yml"));
		Matcher targets = TARGET.matcher(configuration);
		StringBuilder replaced = new StringBuilder();
		int found = 0;
		while (targets.find()) {
			String target = Stream.of(Service.values())
				.filter((service) -> service.artifact().equals(targets.group(2)))
				.findFirst()
				.map((service) -> targets.group(1) + "- "
						+ URI.create(this.system.managementUrl(service)).getAuthority())
				// the issuer is not among the services the system tests run
				.orElse(targets.group(1) + "# " + targets.group(2) + " is not run here");
			targets.appendReplacement(replaced, Matcher.quoteReplacement(target));
			found++;
		}
		targets.appendTail(replaced);
		assertThat(found).as("scrape targets in compose/prometheus/prometheus.yml").isGreaterThanOrEqualTo(5);
		return replaced.toString()
			.replaceFirst("scrape_interval: \\d+s", "scrape_interval: 1s")
			.replace("/etc/prometheus/alerts.yml", compose.resolve("alerts.yml").toAbsolutePath().toString());
	}

	@Test
	void everyPanelOfEveryDashboardShowsSeriesFromTheRunningSystem() throws IOException {
		// traffic for the panels: a completed saga (dead letters are counted from zero)
		String suffix = String.valueOf(Math.floorMod(System.nanoTime(), 1_000_000L));
		String customer = String.format("C-%06d", Integer.parseInt(suffix));
		String sku = "DASH-" + suffix;
		this.shop.openAccount(customer, "100.00");
		this.shop.createProduct(sku, 5);
		ShopClient.PlacedOrder order = this.shop.placeOrder(customer, sku, 1, "12.50", "DE");
		this.shop.awaitSagaState(order.orderId(), "COMPLETED", TIMEOUT);

		Instant scraped = Instant.now().plus(Duration.ofSeconds(30));
		while (series("up{job=\"shop\"} == 1").size() < Service.values().length && Instant.now().isBefore(scraped)) {
			ShopClient.pause(Duration.ofMillis(500));
		}
		// a scrape fails whole on what Prometheus cannot parse (an exemplar where
		// OpenMetrics allows none)
		assertThat(series("up{job=\"shop\"} == 1")).as("instances that Prometheus scrapes without error")
			.hasSize(Service.values().length);
		Map<String, String> queries = dashboardQueries();
		assertThat(queries).as("panel queries in compose/grafana/dashboards").hasSizeGreaterThan(20);
		Instant deadline = Instant.now().plus(TIMEOUT);
		Map<String, String> empty = new LinkedHashMap<>(queries);
		while (!empty.isEmpty() && Instant.now().isBefore(deadline)) {
			empty.entrySet().removeIf((query) -> !series(query.getValue()).isEmpty());
			ShopClient.pause(Duration.ofSeconds(1));
		}
		assertThat(empty).as("panel queries that returned no series from the running system").isEmpty();

		JsonNode exemplars = get("/api/v1/query_exemplars?query="
				+ URLEncoder.encode("http_server_requests_seconds_bucket", StandardCharsets.UTF_8) + "&start="
				+ (Instant.now().getEpochSecond() - 600) + "&end=" + Instant.now().getEpochSecond());
		assertThat(exemplars.path("data").findValues("trace_id")).as("latency buckets carry exemplars that name traces")
			.isNotEmpty()
			.allSatisfy((traceId) -> assertThat(traceId.asString()).matches("[0-9a-f]{32}"));
	}

	/**
	 * Every panel query of every dashboard, by dashboard, panel title and query, with
	 * Grafana's {@code $__rate_interval} as Prometheus would get it at this scrape rate.
	 */
	private Map<String, String> dashboardQueries() throws IOException {
		Map<String, String> queries = new LinkedHashMap<>();
		Path dashboards = this.system.root().resolve("compose").resolve("grafana").resolve("dashboards");
		try (Stream<Path> files = Files.list(dashboards)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = this.json.readTree(file.toFile());
				for (JsonNode panel : dashboard.path("panels")) {
					for (JsonNode target : panel.path("targets")) {
						String expr = target.path("expr").asString();
						assertThat(expr).as("%s: %s has a query", file.getFileName(), panel.path("title").asString())
							.isNotBlank();
						queries.put(file.getFileName() + ": " + panel.path("title").asString() + ": " + expr,
								expr.replace("$__rate_interval", "15s"));
					}
				}
			}
		}
		return queries;
	}

	private List<JsonNode> series(String query) {
		JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		assertThat(answer.path("status").asString()).as("%s: %s", query, answer).isEqualTo("success");
		List<JsonNode> result = new ArrayList<>();
		answer.path("data").path("result").forEach(result::add);
		return result;
	}

	private JsonNode get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.prometheusUrl + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			try {
				return this.json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
			}
			catch (IOException ex) {
				// Prometheus is still starting
				if (Instant.now().isAfter(deadline)) {
					throw new AssertionError("Prometheus did not answer at " + this.prometheusUrl, ex);
				}
				ShopClient.pause(Duration.ofMillis(500));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
