package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Zipkin's server, the trace backend and viewer of the local stack: its executable jar
 * (from Maven Central, copied to {@code platform/local-stack/target/zipkin} when this
 * module is packaged; see {@link #jar()}) in a child JVM, keeping the most recent spans
 * in memory. The services report their spans to {@link #spansEndpoint()}; people look at
 * traces in {@link #uri()}.
 */
public final class ZipkinServer implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private static final String VERSION = version();

	/** What it keeps: enough for a benchmark's worth of recent sagas, in a small heap. */
	private static final int MAX_SPANS = 100_000;

	private final ChildProcess process;

	private final int port;

	private ZipkinServer(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the server and waits until it answers.
	 */
	public static ZipkinServer start(RunDirectory run, int port) {
		Path jar = jar();
		ChildProcess process = ChildProcess.startBootJar(run, "zipkin", jar,
				List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1"),
				Map.of("QUERY_PORT", String.valueOf(port), "STORAGE_TYPE", "mem", "MEM_MAX_SPANS",
						String.valueOf(MAX_SPANS), "COLLECTOR_ACTIVEMQ_ENABLED", "false", "COLLECTOR_KAFKA_ENABLED",
						"false", "COLLECTOR_RABBITMQ_ENABLED", "false"));
		ZipkinServer zipkin = new ZipkinServer(process, port);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (!zipkin.isHealthy(http)) {
			if (!process.isAlive()) {
				throw new LocalStackException("Zipkin exited while starting; see " + process.log() + ":"
						+ System.lineSeparator() + process.logTail(15));
			}
			if (Instant.now().isAfter(deadline)) {
				process.stop(Duration.ZERO);
				throw new LocalStackException(
						"Zipkin did not start within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + process.log());
			}
			Sleep.briefly();
		}
		return zipkin;
	}

	/**
	 * The server's jar: in this module's {@code target/zipkin} when it runs from its
	 * build, else in the local Maven repository, where building this module put it.
	 */
	static Path jar() {
		List<Path> candidates = List
			.of(buildDirectory().resolve("zipkin").resolve("zipkin-server.jar"), localRepository()
				.resolve(Path.of("io", "zipkin", "zipkin-server", VERSION, "zipkin-server-" + VERSION + "-exec.jar")));
		return candidates.stream()
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new LocalStackException("Zipkin's server is missing (looked for " + candidates
					+ "): build platform/local-stack with ./mvnw -DskipTests package (./stack up does that)."));
	}

	private static Path buildDirectory() {
		try {
			return Path.of(ZipkinServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path localRepository() {
		String configured = System.getProperty("maven.repo.local");
		return (configured != null) ? Path.of(configured)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static String version() {
		Properties properties = new Properties();
		try (InputStream in = ZipkinServer.class.getResourceAsStream("/zipkin-server.properties")) {
			properties.load(Objects.requireNonNull(in, "zipkin-server.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("version");
	}

	private boolean isHealthy(HttpClient http) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(uri() + "health")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The server's base address: its UI under {@code zipkin/}, its API under
	 * {@code api/v2/}.
	 */
	public String uri() {
		return "http://127.0.0.1:" + this.port + "/";
	}

	/**
	 * Where the services post their spans
	 * ({@code management.tracing.export.zipkin.endpoint}).
	 */
	public String spansEndpoint() {
		return uri() + "api/v2/spans";
	}

	public ChildProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(10));
	}

}
