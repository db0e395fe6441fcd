package com.example.shop.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.example.shop.platform.localstack.ChildProcess;
import com.example.shop.platform.localstack.Issuer;
import com.example.shop.platform.localstack.IssuerClient;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.PostgresServer;
import com.example.shop.platform.localstack.RunDirectory;
import org.HdrHistogram.Histogram;

/**
 * {@code POST /orders} under open-loop load: requests start at a fixed rate whatever the
 * answers do, and each latency is measured from the request's intended start, so a slow
 * answer cannot hide the requests it delayed (no coordinated omission). The
 * order-command-service runs alone, as its built jar, against PostgreSQL and Kafka from
 * the local stack.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar com.example.shop.benchmarks.OrdersApiBenchmark [rates...]}
 */
public final class OrdersApiBenchmark {

	private static final Duration WINDOW = Duration.ofSeconds(15);

	private static final String ORDER = """
			{"customerId":"C-000123","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":19.99,"currency":"EUR"},
			{"sku":"SKU-2","quantity":1,"unitPrice":5.00,"currency":"EUR"}],"shippingAddress":{"name":"Ada Lovelace",
			"street":"1 Analytical St","city":"London","postalCode":"N1 9GU","country":"GB"}}""";

	private OrdersApiBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("logback.configurationFile", "local-stack-logback.xml");
		List<Integer> rates = new ArrayList<>();
		for (String arg : args) {
			rates.add(Integer.parseInt(arg));
		}
		if (rates.isEmpty()) {
			rates = List.of(500, 1_000, 2_000, 3_000);
		}
		Path jar = Path.of("order-command-service", "target", "order-command-service.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
		}
		RunDirectory run = new RunDirectory(Path.of("benchmarks", "target", "orders-" + System.currentTimeMillis()));
		String database = "bench_orders_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (PostgresServer postgres = PostgresServer.startOrConnect(run, Ports.free(), false);
				KafkaBroker kafka = KafkaBroker.start(run, Ports.free(), Ports.free());
				Issuer issuer = Issuer.start(run, Path.of(""), Ports.free(), Ports.free())) {
			// a sales channel places the orders, as the end-to-end load generator does
			Supplier<String> authorization = new IssuerClient(issuer.uri()).authorization("shop-load-generator",
					"load-secret", "sales");
			postgres.createDatabaseIfMissing(database);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> postgres.dropDatabase(database)));
			int port = Ports.free();
			ChildProcess service = ChildProcess.startBootJar(run, "order-command-service", jar,
					List.of("-Xms512m", "-Xmx512m"),
					Map.of("SERVER_PORT", String.valueOf(port), "SPRING_DATASOURCE_URL", postgres.jdbcUrl(database),
							"SPRING_DATASOURCE_USERNAME", postgres.user(), "SPRING_DATASOURCE_PASSWORD",
							postgres.password(), "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
							"MANAGEMENT_SERVER_PORT", String.valueOf(Ports.free()),
							"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer.uri()));
			try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
				awaitReady(http, port, service);
				System.out.printf("order-command-service on port %d; PostgreSQL: %s; Kafka %s%n", port,
						postgres.description(), kafka.bootstrapServers());
				load(http, port, 300, Duration.ofSeconds(60), authorization);
				System.out.println(
						"| Offered orders/s | Completed orders/s | 201s | Errors | p50 ms | p99 ms | p99.9 ms | max ms | 503s shed | 503 p99 ms | CPU per order |");
				System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
				for (int rate : rates) {
					// the pool's connections are open by now, so their backends are
					// counted
					CpuTime cpu = new CpuTime(Map.of("service", CpuTime.process(service.pid()), "Kafka",
							CpuTime.process(kafka.process().pid()), "PostgreSQL",
							CpuTime.postgres(postgres.jdbcUrl(database), postgres.user(), postgres.password())));
					Result result = load(http, port, rate, WINDOW, authorization);
					System.out.println(result.row() + " " + cpu.per(Math.max(1, result.created())) + " |");
				}
			}
			finally {
				// an overloaded service may not finish its graceful shutdown: never leave
				// it running
				service.stop(Duration.ofSeconds(20));
			}
		}
	}

	/**
	 * One offered rate's outcome: the table row without its last cell, and the orders
	 * created.
	 */
	private record Result(String row, long created) {
	}

	private static Result load(HttpClient http, int port, int perSecond, Duration window,
			Supplier<String> authorization) throws InterruptedException {
		Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
		// answers of admission control: 503 with Retry-After
		Histogram shed = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong created = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long total = perSecond * window.toSeconds();
		long period = 1_000_000_000L / perSecond;
		List<CompletableFuture<Void>> inFlight = new ArrayList<>((int) total);
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long intended = start + i * period;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.header("Authorization", authorization.get())
				.POST(HttpRequest.BodyPublishers.ofString(ORDER))
				.build();
			inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
				long micros = Math.max(0, (System.nanoTime() - intended) / 1000);
				synchronized (latency) {
					latency.recordValue(micros);
					if (failure == null && response.statusCode() == 503
							&& response.headers().firstValue("Retry-After").isPresent()) {
						shed.recordValue(micros);
					}
				}
				if (failure == null && response.statusCode() == 201) {
					created.incrementAndGet();
				}
				else {
					errors.incrementAndGet();
				}
				return null;
			}));
		}
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(String.format(Locale.ROOT,
				"| %,d | %,.0f | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %,d | %.1f |", perSecond,
				created.get() / seconds, created.get(), errors.get(), latency.getValueAtPercentile(50) / 1000.0,
				latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
				latency.getMaxValue() / 1000.0, shed.getTotalCount(), shed.getValueAtPercentile(99) / 1000.0),
				created.get());
	}

	private static void awaitReady(HttpClient http, int port, ChildProcess process) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("order-command-service exited while starting");
			}
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("order-command-service not ready within 120 s");
	}

}
