package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The command line of the local stack.
 * <ul>
 * <li>{@code up [--run-dir DIR] [--instances N] [--issuer-port PORT] [--console-port PORT]
 * --service SPEC...} starts PostgreSQL, Kafka, the MongoDB wire server, Zipkin, the
 * issuer of tokens when given a port ({@link Issuer}: one instance, its metrics 1000
 * ports above) and {@code N} instances (default 1) of each service, waits until every
 * instance's {@code /readyz} answers UP, then starts the operations console when given a
 * port (against the first instance of each service and the issuer), prints where
 * everything is and keeps running until Ctrl-C or {@code down}, then stops all it
 * started. The instances of a service share its database and consumer groups; instance
 * {@code n} listens {@code 100 * (n - 1)} ports above the first (see
 * {@link ServiceSpec#instance}).</li>
 * <li>{@code down [--run-dir DIR]} stops a stack started with {@code up}, even one whose
 * launcher was killed, and checks that its ports are free.</li>
 * </ul>
 * Ports come from {@code KAFKA_PORT} (9092, its controller listens one above),
 * {@code MONGO_PORT} (27017), {@code ZIPKIN_PORT} (9411: Zipkin, where the services
 * report every span) and {@code POSTGRES_PORT} (15432, embedded PostgreSQL only).
 */
public final class LocalStack {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private static final String LAUNCHER = "launcher";

	/** How far above the issuer's port its actuator listens: 8086, 9086. */
	private static final int ISSUER_MANAGEMENT_OFFSET = 1000;

	private final RunDirectory run;

	private final Optional<Integer> issuerPort;

	private final Optional<ServiceSpec> console;

	private final List<ServiceSpec> services;

	private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());

	private volatile boolean stopping;

	private LocalStack(RunDirectory run, Optional<Integer> issuerPort, Optional<Integer> consolePort,
			List<ServiceSpec> services) {
		this.run = run;
		this.issuerPort = issuerPort;
		this.console = consolePort.map(ServiceSpec::console);
		this.services = services;
	}

	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "local-stack-logback.xml");
		}
		try {
			Map<String, List<String>> options = options(args);
			RunDirectory run = new RunDirectory(Path.of(options.getOrDefault("--run-dir", List.of(".run")).get(0)));
			String command = (args.length > 0) ? args[0] : "";
			switch (command) {
				case "up" -> new LocalStack(run,
						Optional.ofNullable(options.get("--issuer-port")).map((port) -> port(port.get(0))),
						Optional.ofNullable(options.get("--console-port")).map((port) -> port(port.get(0))),
						instances(
								options.getOrDefault("--service", List.of()).stream().map(ServiceSpec::parse).toList(),
								options.getOrDefault("--instances", List.of("1")).get(0)))
					.up();
				case "down" -> down(run);
				default -> throw new LocalStackException("Usage: local-stack up [--run-dir DIR] [--instances N]"
						+ " [--issuer-port PORT] [--console-port PORT] --service name:port:postgres=db ..."
						+ " | down [--run-dir DIR]");
			}
		}
		catch (LocalStackException ex) {
			System.err.println("local-stack: " + ex.getMessage());
			System.exit(1);
		}
	}

	private static Map<String, List<String>> options(String[] args) {
		Map<String, List<String>> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new LocalStackException("Unexpected argument " + args[i]);
			}
			options.computeIfAbsent(args[i], (key) -> new ArrayList<>()).add(args[++i]);
		}
		return options;
	}

	/**
	 * Every instance to start, the first instance of each service first.
	 */
	private static List<ServiceSpec> instances(List<ServiceSpec> services, String count) {
		int instances;
		try {
			instances = Integer.parseInt(count);
		}
		catch (NumberFormatException ex) {
			instances = 0;
		}
		if (instances < 1 || instances > 3) {
			throw new LocalStackException("--instances takes 1, 2 or 3, not " + count);
		}
		List<ServiceSpec> all = new ArrayList<>();
		for (int n = 1; n <= instances; n++) {
			for (ServiceSpec service : services) {
				all.add(service.instance(n));
			}
		}
		return all;
	}

	private void up() {
		Optional<ProcessHandle> running = PidFile.read(this.run.pidFile(LAUNCHER));
		if (running.isPresent()) {
			throw new LocalStackException("A local stack is already running (pid " + running.get().pid()
					+ "): stop it with ./stack down first.");
		}
		int kafkaPort = port("KAFKA_PORT", 9092);
		int controllerPort = port("KAFKA_CONTROLLER_PORT", kafkaPort + 1);
		int mongoPort = port("MONGO_PORT", 27017);
		int postgresPort = port("POSTGRES_PORT", 15432);
		int zipkinPort = port("ZIPKIN_PORT", 9411);
		for (ServiceSpec service : this.services) {
			if (!Files.isRegularFile(service.jar())) {
				throw new LocalStackException(service.jar() + " is missing: build it with ./mvnw -DskipTests package"
						+ " (./stack up does that).");
			}
			Ports.requireFree(service.port(), service.processName(), "change its --service port in ./stack");
			Ports.requireFree(service.managementPort(), service.processName() + "'s management port",
					"change its --service port in ./stack");
		}
		this.issuerPort.ifPresent((port) -> {
			Ports.requireFree(port, "the issuer", "change --issuer-port in ./stack");
			Ports.requireFree(port + ISSUER_MANAGEMENT_OFFSET, "the issuer's management port",
					"change --issuer-port in ./stack");
		});
		if (this.console.isPresent() && this.issuerPort.isEmpty()) {
			throw new LocalStackException("--console-port needs --issuer-port: operators sign in at the issuer");
		}
		for (ServiceSpec console : this.console.stream().toList()) {
			if (!Files.isRegularFile(console.jar())) {
				throw new LocalStackException(console.jar() + " is missing: build it with ./mvnw -DskipTests package"
						+ " (./stack up does that).");
			}
			Ports.requireFree(console.port(), "the operations console", "change --console-port in ./stack");
			Ports.requireFree(console.managementPort(), "the operations console's management port",
					"change --console-port in ./stack");
		}
		Ports.requireFree(kafkaPort, "Kafka", "set KAFKA_PORT=<port>");
		Ports.requireFree(controllerPort, "Kafka's controller", "set KAFKA_CONTROLLER_PORT=<port>");
		Ports.requireFree(mongoPort, "the MongoDB wire server", "set MONGO_PORT=<port>");
		Ports.requireFree(zipkinPort, "Zipkin", "set ZIPKIN_PORT=<port>");

		PidFile.write(this.run.pidFile(LAUNCHER), ProcessHandle.current());
		writePorts(kafkaPort, controllerPort, mongoPort, postgresPort, zipkinPort);
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-stack-shutdown"));

		Instant start = Instant.now();
		PostgresServer postgres = track(PostgresServer.startOrConnect(this.run, postgresPort, true));
		System.out.println("PostgreSQL   " + postgres.description());
		KafkaBroker kafka = track(KafkaBroker.start(this.run, kafkaPort, controllerPort));
		System.out.println("Kafka        " + kafka.bootstrapServers() + " (KRaft, log " + kafka.process().log() + ")");
		MongoWireServer mongo = track(MongoWireServer.start(this.run, mongoPort, true));
		System.out.println("MongoDB wire " + mongo.uri("") + " (log " + mongo.process().log() + ")");
		ZipkinServer zipkin = track(ZipkinServer.start(this.run, zipkinPort));
		System.out.println("Zipkin       " + zipkin.uri() + " (log " + zipkin.process().log() + ")");
		Optional<Issuer> issuer = this.issuerPort
			.map((port) -> track(Issuer.start(this.run, Path.of(""), port, port + ISSUER_MANAGEMENT_OFFSET)));
		issuer.ifPresent((it) -> System.out.println("Issuer       " + it.uri() + " (metrics on port "
				+ (this.issuerPort.get() + ISSUER_MANAGEMENT_OFFSET) + ", log " + it.process().log() + ")"));

		Map<ServiceSpec, ChildProcess> processes = new LinkedHashMap<>();
		for (ServiceSpec service : this.services) {
			Map<String, String> environment = new HashMap<>();
			environment.put("SERVER_PORT", String.valueOf(service.port()));
			environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(service.managementPort()));
			issuer.ifPresent((it) -> environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", it.uri()));
			environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
			environment.put("SPRING_KAFKA_CLIENT_ID", service.processName());
			// every trace kept, unless the caller says otherwise (to measure what tracing
			// costs)
			environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
					Objects.requireNonNullElse(System.getenv("MANAGEMENT_TRACING_SAMPLING_PROBABILITY"), "1.0"));
			environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
			if (service.store() == ServiceSpec.Store.POSTGRES) {
				postgres.createDatabaseIfMissing(service.database());
				environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(service.database()));
				environment.put("SPRING_DATASOURCE_USERNAME", postgres.user());
				environment.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
			}
			else {
				environment.put("SPRING_MONGODB_URI", mongo.uri(service.database()));
			}
			ChildProcess process = ChildProcess.startBootJar(this.run, service.processName(), service.jar(),
					List.of("-Xms128m", "-Xmx512m"), environment);
			track(() -> process.stop(Duration.ofSeconds(20)));
			processes.put(service, process);
		}
		awaitReady(processes);
		Optional<ChildProcess> console = this.console.map((spec) -> startConsole(spec, issuer.orElseThrow(), zipkin));

		System.out.println();
		System.out.printf("Local stack is up in %d s. Run directory: %s%n",
				Duration.between(start, Instant.now()).toSeconds(), this.run.root());
		processes
			.forEach((service, process) -> System.out.printf("  %-24s %s  (Swagger UI %s/swagger-ui.html, log %s)%n",
					service.processName(), service.url(), service.url(), process.log()));
		issuer.ifPresent((it) -> {
			System.out.println();
			System.out.println("Tokens come from the issuer at " + it.uri()
					+ " (demo users and clients: README, Security); for example a machine client's:");
			System.out.println("  curl -s -u shop-demo:demo-secret -d grant_type=client_credentials -d scope=sales "
					+ it.uri() + "/oauth2/token");
		});
		this.console.ifPresent((spec) -> {
			System.out.println();
			System.out.println("Operations console: " + spec.url() + " (sign in as olivia, password \"password\"; log "
					+ console.get().log() + ")");
		});
		System.out.println();
		System.out.println("Traces of every request and message: " + zipkin.uri() + "zipkin/ (find one by the trace id"
				+ " in an order's history, GET /orders/{id}/history, or in a saga, GET /sagas/{id})");
		System.out.println("Stop with Ctrl-C here or ./stack down from another terminal.");
		processes.forEach((service, process) -> process.process().onExit().thenRun(() -> {
			if (!this.stopping) {
				System.out.println(service.processName() + " exited with code " + process.process().exitValue()
						+ "; see " + process.log());
			}
		}));
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts the operations console against the first instance of every service, the
	 * issuer (where operators sign in) and Zipkin (where its trace links go), and waits
	 * until it is ready.
	 */
	private ChildProcess startConsole(ServiceSpec console, Issuer issuer, ZipkinServer zipkin) {
		Map<String, String> environment = new HashMap<>();
		environment.put("SERVER_PORT", String.valueOf(console.port()));
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(console.managementPort()));
		environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SHOP_ISSUERURI", issuer.uri());
		for (ServiceSpec service : this.services) {
			if (service.instance() == 1) {
				// SHOP_CONSOLE_ORDERCOMMANDSERVICE, ...
				environment.put("SHOP_CONSOLE_" + service.name().replace("-", "").toUpperCase(Locale.ROOT),
						service.url());
			}
		}
		environment.put("SHOP_CONSOLE_TRACEURL", zipkin.uri() + "zipkin/traces/{traceId}");
		ChildProcess process = ChildProcess.startBootJar(this.run, console.processName(), console.jar(),
				List.of("-Xms64m", "-Xmx256m"), environment);
		track(() -> process.stop(Duration.ofSeconds(20)));
		awaitReady(Map.of(console, process));
		return process;
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.started.add(resource);
		return resource;
	}

	private void awaitReady(Map<ServiceSpec, ChildProcess> processes) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		List<ServiceSpec> waiting = new ArrayList<>(processes.keySet());
		while (!waiting.isEmpty()) {
			for (ServiceSpec service : List.copyOf(waiting)) {
				ChildProcess process = processes.get(service);
				if (!process.isAlive()) {
					throw new LocalStackException(service.processName() + " exited while starting; see " + process.log()
							+ ":" + System.lineSeparator() + process.logTail(20));
				}
				if (isReady(http, service)) {
					System.out.println("ready        " + service.processName() + " at " + service.url());
					waiting.remove(service);
				}
			}
			if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
				throw new LocalStackException("Not ready within " + READY_TIMEOUT.toSeconds() + " s: "
						+ waiting.stream().map(ServiceSpec::processName).toList() + "; see their logs in "
						+ this.run.root() + "/logs");
			}
			Sleep.briefly();
		}
	}

	private static boolean isReady(HttpClient http, ServiceSpec service) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/readyz"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void stopAll() {
		this.stopping = true;
		List<AutoCloseable> resources = new ArrayList<>(this.started);
		Collections.reverse(resources);
		for (AutoCloseable resource : resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				System.err.println("local-stack: while stopping: " + ex.getMessage());
			}
		}
		try {
			Files.deleteIfExists(this.run.pidFile(LAUNCHER));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Local stack stopped.");
	}

	private void writePorts(int kafkaPort, int controllerPort, int mongoPort, int postgresPort, int zipkinPort) {
		List<String> ports = new ArrayList<>(List.of(String.valueOf(kafkaPort), String.valueOf(controllerPort),
				String.valueOf(mongoPort), String.valueOf(postgresPort), String.valueOf(zipkinPort)));
		this.issuerPort.ifPresent((port) -> {
			ports.add(String.valueOf(port));
			ports.add(String.valueOf(port + ISSUER_MANAGEMENT_OFFSET));
		});
		Stream.concat(this.services.stream(), this.console.stream()).forEach((service) -> {
			ports.add(String.valueOf(service.port()));
			ports.add(String.valueOf(service.managementPort()));
		});
		try {
			Files.writeString(this.run.root().resolve("ports"), String.join(" ", ports) + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the launcher (which stops what it started) and then anything left in
	 * {@code pids/}, for instance after the launcher was killed with {@code kill -9};
	 * then checks that the stack's ports are free.
	 */
	private static void down(RunDirectory run) {
		PidFile.read(run.pidFile(LAUNCHER)).ifPresent((launcher) -> {
			System.out.println("Stopping the local stack (launcher pid " + launcher.pid() + ")...");
			ChildProcess.stop(launcher, Duration.ofSeconds(90));
		});
		try (Stream<Path> files = Files.list(run.pids())) {
			for (Path file : files.toList()) {
				PidFile.read(file).ifPresent((process) -> {
					System.out.println("Stopping " + file.getFileName() + " (pid " + process.pid() + ")");
					ChildProcess.stop(process, Duration.ofSeconds(20));
				});
				Files.deleteIfExists(file);
			}
			Path portsFile = run.root().resolve("ports");
			List<Integer> busy = new ArrayList<>();
			if (Files.exists(portsFile)) {
				for (String port : Files.readString(portsFile).trim().split(" ")) {
					if (!Ports.awaitFree(Integer.parseInt(port), Duration.ofSeconds(10))) {
						busy.add(Integer.parseInt(port));
					}
				}
			}
			if (!busy.isEmpty()) {
				throw new LocalStackException("Ports still in use after stopping: " + busy
						+ " (something else listens there; find it with ss -ltnp).");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Local stack is down: no process left, ports free.");
	}

	private static int port(String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new LocalStackException("--issuer-port and --console-port take a port number, not " + value + ".");
		}
	}

	private static int port(String variable, int fallback) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new LocalStackException(variable + " must be a port number, not " + value + ".");
		}
	}

}
