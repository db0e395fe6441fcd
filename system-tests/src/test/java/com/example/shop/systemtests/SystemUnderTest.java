package com.example.shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.example.shop.platform.localstack.ChildProcess;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.KafkaBroker.Listener;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.RunDirectory;
import com.example.shop.platform.localstack.ZipkinServer;
import com.example.shop.platform.testsupport.PostgresEndpoint;
import com.example.shop.platform.testsupport.TestInfrastructure;
import com.example.shop.platform.testsupport.openapi.ApiContract;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.netcrusher.core.reactor.NioReactor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five services as OS processes, from the jars the build just made, with a Kafka
 * broker of their own and PostgreSQL and MongoDB from the same source as every
 * integration test (see {@link TestInfrastructure}), each service with databases of its
 * own. Started once per test JVM; a test can crash, stop, pause and restart any service,
 * crash and restart the broker, slow down or freeze the network between the
 * saga-orchestrator and its database or the broker ({@link #databaseLink()},
 * {@link #kafkaLink()}), and run another instance of a service ({@link #startReplica}).
 * <p>
 * With {@code -Dshop.instances=2} every service runs as two instances from the start,
 * sharing its database, topics and consumer groups, and the {@link #client() client}
 * spreads calls over them. Pausing, stopping and restarting a service then act on all its
 * instances; {@link #kill} kills the first, and the other takes over its partitions. Saga
 * steps wait 3 s per attempt here, so that a silent participant is given up on within
 * seconds, and consumers leave their group 6 s after a crash rather than Kafka's default
 * 45 s.
 */
final class SystemUnderTest {

	/** How long one saga step waits for its reply before it asks again, then gives up. */
	static final Duration STEP_TIMEOUT = Duration.ofSeconds(3);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	/** How many instances of each service run: {@code -Dshop.instances}, 1 by default. */
	static final int INSTANCES = Integer.getInteger("shop.instances", 1);

	private static final List<String> TOPICS = List.of("orders.events", "orders.commands", "payments.events",
			"payments.commands", "inventory.events", "inventory.commands", "orders.commands-dlt", "orders.events-dlt",
			"payments.commands-dlt", "payments.events-dlt", "inventory.commands-dlt", "inventory.events-dlt");

	/**
	 * A crashed consumer is out of its group in 6 s, so its partitions move on quickly.
	 */
	private static final String CONSUMER_LIVENESS = """
			{"spring":{"kafka":{"consumer":{"properties":{"session.timeout.ms":6000,"heartbeat.interval.ms":2000}}}}}""";

	/**
	 * The service whose connections to its database and to Kafka go through
	 * {@link NetworkLink}s: the saga-orchestrator, because it waits for every other
	 * service and keeps deadlines, so a slow or cut network there tests the most.
	 */
	static final Service LINKED = Service.SAGA;

	/** The broker's listener for clients behind a proxy, see {@link Listener}. */
	private static final String PROXIED_LISTENER = "PROXIED";

	private static SystemUnderTest instance;

	private final RunDirectory run;

	private final Path root;

	/** Per service, the port of each instance. */
	private final Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);

	/** Per service, what all its instances share; each adds its port and name. */
	private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);

	/** Per service, the process of each instance; {@code null} until started. */
	private final Map<Service, ChildProcess[]> processes = new EnumMap<>(Service.class);

	private final Map<Service, InvariantChecker.Database> databases = new EnumMap<>(Service.class);

	private final String mongoUri;

	/** The issuer every instance trusts, and the demo client's tokens come from. */
	private final String issuer;

	/** Per instance, by its server port: the port of its actuator. */
	private final Map<Integer, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();

	private final int kafkaPort = Ports.free();

	private final int kafkaControllerPort = Ports.free();

	private final NioReactor reactor;

	private final NetworkLink kafkaLink;

	private final List<Listener> kafkaListeners;

	private final NetworkLink databaseLink;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private KafkaBroker kafka;

	/** The operations console, once a test asked for it ({@link #consoleUrl}). */
	private ChildProcess console;

	private int consolePort;

	/** Where every instance reports its spans, all of them (sampling 1.0). */
	private final ZipkinServer zipkin;

	private SystemUnderTest() {
		this.root = Path.of(System.getProperty("shop.root", "..")).toAbsolutePath().normalize();
		this.run = new RunDirectory(Path.of("target", "system", "run-" + ProcessHandle.current().pid()));
		TestInfrastructure infrastructure = TestInfrastructure.get();
		try {
			this.reactor = new NioReactor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int proxiedListenerPort = Ports.free();
		this.kafkaLink = new NetworkLink(this.reactor, LINKED.artifact() + " -> kafka", "127.0.0.1",
				proxiedListenerPort);
		this.kafkaListeners = List.of(new Listener(PROXIED_LISTENER, proxiedListenerPort, this.kafkaLink.port()));
		this.kafka = KafkaBroker.start(this.run, this.kafkaPort, this.kafkaControllerPort, this.kafkaListeners);
		String kafka = this.kafka.bootstrapServers();
		createTopics(kafka);
		this.zipkin = ZipkinServer.start(this.run, Ports.free());
		PostgresEndpoint postgres = infrastructure.postgres();
		this.issuer = infrastructure.issuerUri();
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String mongoBase = infrastructure.mongoUri();
		int options = mongoBase.indexOf('?');
		String withoutOptions = (options >= 0) ? mongoBase.substring(0, options) : mongoBase;
		this.mongoUri = withoutOptions.substring(0, withoutOptions.lastIndexOf('/') + 1) + "order_query_" + suffix
				+ ((options >= 0) ? mongoBase.substring(options) : "");
		for (Service service : Service.values()) {
			Map<String, String> environment = new HashMap<>();
			List<Integer> instancePorts = new ArrayList<>();
			for (int n = 0; n < INSTANCES; n++) {
				instancePorts.add(Ports.free());
			}
			this.ports.put(service, List.copyOf(instancePorts));
			this.processes.put(service, new ChildProcess[INSTANCES]);
			environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
			environment.put("SPRING_APPLICATION_JSON", CONSUMER_LIVENESS);
			environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", this.issuer);
			environment.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
			environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", this.zipkin.spansEndpoint());
			if (service.usesMongo()) {
				environment.put("SPRING_MONGODB_URI", this.mongoUri);
			}
			else {
				InvariantChecker.Database database = createDatabase(postgres, service.database() + "_" + suffix);
				this.databases.put(service, database);
				environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
				environment.put("SPRING_DATASOURCE_USERNAME", database.user());
				environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
			}
			this.environments.put(service, environment);
		}
		this.databaseLink = new NetworkLink(this.reactor, LINKED.artifact() + " -> postgresql",
				host(this.databases.get(LINKED).jdbcUrl()), port(this.databases.get(LINKED).jdbcUrl()));
		this.environments.get(LINKED)
			.put("SPRING_DATASOURCE_URL", through(this.databaseLink, this.databases.get(LINKED).jdbcUrl()));
		this.environments.get(LINKED).put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + this.kafkaLink.port());
		this.environments.get(Service.SAGA).put("SHOP_SAGA_DEFAULTSTEP_TIMEOUT", STEP_TIMEOUT.toMillis() + "ms");
		this.environments.get(Service.SAGA).put("SHOP_SAGA_DEFAULTSTEP_ATTEMPTS", "2");
		this.environments.get(Service.SAGA).put("SHOP_SAGA_DEFAULTSTEP_BACKOFFMULTIPLIER", "1.0");
		this.environments.get(Service.ORDER_COMMAND)
			.put("SHOP_ORDERS_QUERYBASEURL", "http://127.0.0.1:" + port(Service.ORDER_QUERY));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(postgres), "system-under-test-shutdown"));
		startAll();
	}

	static synchronized SystemUnderTest get() {
		if (instance == null) {
			instance = new SystemUnderTest();
		}
		return instance;
	}

	/** A client of every instance of every service, as the demo client. */
	ShopClient client() {
		return client(ShopClient.demoClient(this.issuer));
	}

	/** A client of every instance of every service, with the given authorization. */
	ShopClient client(Supplier<String> authorization) {
		Map<Service, List<String>> urls = new EnumMap<>(Service.class);
		this.ports.forEach((service, ports) -> urls.put(service,
				ports.stream().map((port) -> "http://127.0.0.1:" + port).toList()));
		return new ShopClient(urls, authorization);
	}

	InvariantChecker invariants(ShopClient shop) {
		return new InvariantChecker(this.databases, this.mongoUri, shop);
	}

	/**
	 * A connection to a service's own PostgreSQL database, for tests that tamper with a
	 * store on purpose.
	 */
	Connection connect(Service service) throws SQLException {
		InvariantChecker.Database database = this.databases.get(service);
		return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
	}

	/**
	 * The network between {@link #LINKED} and its PostgreSQL database. The invariant
	 * checker and {@link #connect} do not go through it.
	 */
	NetworkLink databaseLink() {
		return this.databaseLink;
	}

	/**
	 * The network between {@link #LINKED} and the Kafka broker: it connects to a listener
	 * of the broker that advertises the link's port, so that after its first request it
	 * stays behind the link. Other clients are not affected.
	 */
	NetworkLink kafkaLink() {
		return this.kafkaLink;
	}

	/**
	 * Starts another instance of {@code service} and waits until it is ready: the same
	 * database, topics and consumer groups, its own port, and its database reached
	 * through a {@link NetworkLink} of its own. Its name, {@code <artifact>-replica}, is
	 * its Kafka client id and the {@code application_name} of its database sessions. The
	 * first instance keeps the outbox relay's lock, so the replica only consumes. Close
	 * it to stop it.
	 */
	Replica startReplica(Service service) {
		String name = service.artifact() + "-replica";
		InvariantChecker.Database database = this.databases.get(service);
		NetworkLink link = new NetworkLink(this.reactor, name + " -> postgresql", host(database.jdbcUrl()),
				port(database.jdbcUrl()));
		int port = Ports.free();
		Map<String, String> environment = new HashMap<>(this.environments.get(service));
		environment.put("SERVER_PORT", String.valueOf(port));
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort(port)));
		String url = through(link, database.jdbcUrl());
		environment.put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name);
		environment.put("SPRING_KAFKA_CLIENT_ID", name);
		ChildProcess process = startJar(service, name, environment);
		Replica replica = new Replica(name, process, port, link);
		try {
			awaitReady(name, process, port);
		}
		catch (RuntimeException ex) {
			replica.close();
			throw ex;
		}
		return replica;
	}

	/**
	 * A counter or gauge of the Micrometer registry of a service's first instance, from
	 * {@code /actuator/metrics}.
	 */
	double metric(Service service, String name) {
		return metric(port(service), name);
	}

	/**
	 * {@code kill -9} of the service's first instance: it dies mid-work, as in a crash. A
	 * second instance, if there is one, goes on and takes over its partitions.
	 */
	void kill(Service service) {
		this.processes.get(service)[0].kill();
	}

	/**
	 * A clean stop ({@code SIGTERM}) of every instance of the service: each leaves its
	 * consumer groups and exits.
	 */
	void stop(Service service) {
		instances(service).forEach((process) -> process.stop(Duration.ofSeconds(30)));
	}

	/**
	 * {@code SIGSTOP}: every instance of the service freezes with its connections open.
	 */
	void pause(Service service) {
		instances(service).forEach(ChildProcess::pause);
	}

	/** {@code SIGCONT}: the paused service goes on where it stopped. */
	void resume(Service service) {
		instances(service).forEach(ChildProcess::resume);
	}

	/**
	 * Starts every stopped or killed instance of the service again, on the same ports and
	 * stores, and waits until all are ready.
	 */
	void restart(Service service) {
		start(service);
		awaitReady(service);
	}

	/**
	 * Starts every service at once (after they were stopped) and waits until all are
	 * ready.
	 */
	void startAll() {
		for (Service service : Service.values()) {
			start(service);
		}
		awaitAllReady();
	}

	String kafkaBootstrapServers() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	/** {@code kill -9} of the Kafka broker. */
	void killKafka() {
		this.kafka.process().kill();
	}

	/** Starts the broker again on its port and data, and waits until it answers. */
	void restartKafka() {
		this.kafka = KafkaBroker.start(this.run, this.kafkaPort, this.kafkaControllerPort, this.kafkaListeners);
	}

	/**
	 * The operations console, started from its jar on first use against these services,
	 * their issuer and Zipkin, and kept running: its base address.
	 */
	synchronized String consoleUrl() {
		if (this.console == null || !this.console.isAlive()) {
			int port = Ports.free();
			Path jar = this.root.resolve("ops-console").resolve("target").resolve("ops-console.jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(jar + " is missing: build it first (./mvnw verify builds everything)");
			}
			Map<String, String> environment = new HashMap<>();
			environment.put("SERVER_PORT", String.valueOf(port));
			environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(Ports.free()));
			environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SHOP_ISSUERURI", this.issuer);
			for (Service service : Service.values()) {
				environment.put("SHOP_CONSOLE_" + service.artifact().replace("-", "").toUpperCase(Locale.ROOT),
						baseUrl(service));
			}
			environment.put("SHOP_CONSOLE_TRACEURL", zipkinUrl() + "zipkin/traces/{traceId}");
			environment.put("SHOP_CONSOLE_SAMPLEINTERVAL", "2s");
			this.console = ChildProcess.startBootJar(this.run, "ops-console", jar,
					List.of("-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1"), environment);
			this.consolePort = port;
			awaitReady("ops-console", this.console, port);
		}
		return "http://127.0.0.1:" + this.consolePort;
	}

	/** The query service's MongoDB, database included. */
	String mongoUri() {
		return this.mongoUri;
	}

	String mongoDatabase() {
		String path = this.mongoUri.substring(this.mongoUri.lastIndexOf('/') + 1);
		return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
	}

	/**
	 * Starts a killed service again without waiting for it; {@link #awaitAllReady} waits.
	 */
	void restartInBackground(Service service) {
		start(service);
	}

	void awaitAllReady() {
		for (Service service : Service.values()) {
			awaitReady(service);
		}
	}

	/** The port of the service's first instance. */
	private int port(Service service) {
		return this.ports.get(service).get(0);
	}

	/**
	 * Where the service's first instance serves its API, e.g.
	 * {@code http://127.0.0.1:20001}.
	 */
	String baseUrl(Service service) {
		return "http://127.0.0.1:" + port(service);
	}

	/** The repository's root, for its configuration files. */
	Path root() {
		return this.root;
	}

	/** Zipkin's base address: its API under {@code api/v2/}. */
	String zipkinUrl() {
		return this.zipkin.uri();
	}

	/** The REST contract of the service's first instance. */
	ApiContract apiContract(Service service) {
		return ApiContract.of(service.artifact(), port(service));
	}

	/** Where the service's first instance serves its actuator: the management port. */
	String managementUrl(Service service) {
		return "http://127.0.0.1:" + managementPort(port(service));
	}

	private List<ChildProcess> instances(Service service) {
		return List.of(this.processes.get(service));
	}

	/**
	 * Starts each instance of the service that is not running. Instance {@code n > 1} is
	 * named {@code <artifact>-n}, which is also its Kafka client id.
	 */
	private void start(Service service) {
		ChildProcess[] instances = this.processes.get(service);
		for (int n = 0; n < instances.length; n++) {
			if (instances[n] == null || !instances[n].isAlive()) {
				Map<String, String> environment = new HashMap<>(this.environments.get(service));
				environment.put("SERVER_PORT", String.valueOf(this.ports.get(service).get(n)));
				environment.put("MANAGEMENT_SERVER_PORT",
						String.valueOf(managementPort(this.ports.get(service).get(n))));
				if (INSTANCES > 1) {
					environment.put("SPRING_KAFKA_CLIENT_ID", name(service, n));
				}
				instances[n] = startJar(service, name(service, n), environment);
			}
		}
	}

	private static String name(Service service, int n) {
		return (n == 0) ? service.artifact() : service.artifact() + "-" + (n + 1);
	}

	private ChildProcess startJar(Service service, String name, Map<String, String> environment) {
		Path jar = this.root.resolve(service.artifact()).resolve("target").resolve(service.artifact() + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the system tests run the services' jars; build them"
					+ " first (./mvnw verify builds everything in order)");
		}
		return ChildProcess.startBootJar(this.run, name, jar, List.of("-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1"),
				environment);
	}

	private void awaitReady(Service service) {
		ChildProcess[] instances = this.processes.get(service);
		for (int n = 0; n < instances.length; n++) {
			awaitReady(name(service, n), instances[n], this.ports.get(service).get(n));
		}
	}

	private void awaitReady(String name, ChildProcess process, int port) {
		URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited while starting; see " + process.log());
			}
			try {
				if (this.http
					.send(HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(2)).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
			ShopClient.pause(Duration.ofMillis(200));
		}
		throw new IllegalStateException(
				name + " not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + process.log());
	}

	/** Where the instance listening on {@code port} serves its actuator. */
	private int managementPort(int port) {
		return this.managementPorts.computeIfAbsent(port, (any) -> Ports.free());
	}

	private double metric(int port, String name) {
		URI uri = URI.create("http://127.0.0.1:" + managementPort(port) + "/actuator/metrics/" + name);
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
			}
			return this.json.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static URI server(String jdbcUrl) {
		return URI.create(jdbcUrl.substring("jdbc:".length()));
	}

	private static String host(String jdbcUrl) {
		return server(jdbcUrl).getHost();
	}

	private static int port(String jdbcUrl) {
		int port = server(jdbcUrl).getPort();
		return (port >= 0) ? port : 5432;
	}

	/** The same database, reached through {@code link}. */
	private static String through(NetworkLink link, String jdbcUrl) {
		URI server = server(jdbcUrl);
		String query = (server.getRawQuery() != null) ? "?" + server.getRawQuery() : "";
		return "jdbc:postgresql://127.0.0.1:" + link.port() + server.getRawPath() + query;
	}

	private static void createTopics(String bootstrapServers) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(config)) {
			List<NewTopic> topics = new ArrayList<>();
			TOPICS.forEach((topic) -> topics.add(new NewTopic(topic, 3, (short) 1)));
			admin.createTopics(topics).all().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the topics: " + ex.getMessage(), ex);
		}
	}

	private static InvariantChecker.Database createDatabase(PostgresEndpoint server, String name) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name + ": " + ex.getMessage(), ex);
		}
		return new InvariantChecker.Database(onServer(server, name), server.username(), server.password());
	}

	/**
	 * The JDBC URL of another database on the endpoint's server.
	 */
	private static String onServer(PostgresEndpoint server, String database) {
		String url = server.jdbcUrl();
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + database + ((query >= 0) ? url.substring(query) : "");
	}

	/**
	 * Drops the databases first (closing the services' connections): the test JVM may be
	 * halted before stopping the services one by one has finished, and the services end
	 * with it anyway (their watchdog). It connects to the server's {@code postgres}
	 * database: the endpoint's own may be dropped at the same time by the test
	 * infrastructure's shutdown hook.
	 */
	private void shutDown(PostgresEndpoint server) {
		try (Connection connection = DriverManager.getConnection(onServer(server, "postgres"), server.username(),
				server.password()); Statement statement = connection.createStatement()) {
			for (InvariantChecker.Database database : this.databases.values()) {
				String url = database.jdbcUrl();
				String name = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the system tests' databases: " + ex.getMessage());
		}
		this.processes.values()
			.stream()
			.flatMap(Stream::of)
			.filter(Objects::nonNull)
			.forEach((process) -> process.stop(Duration.ofSeconds(10)));
		if (this.console != null) {
			this.console.stop(Duration.ofSeconds(10));
		}
		this.kafka.close();
		this.zipkin.close();
		this.kafkaLink.close();
		this.databaseLink.close();
		this.reactor.close();
	}

	/**
	 * A second instance of a service, started by {@link #startReplica}; closing it lets
	 * it go on if it was paused or cut off, stops it cleanly ({@code SIGTERM}) and closes
	 * its network link.
	 */
	final class Replica implements AutoCloseable {

		private final String name;

		private final ChildProcess process;

		private final int port;

		private final NetworkLink databaseLink;

		private Replica(String name, ChildProcess process, int port, NetworkLink databaseLink) {
			this.name = name;
			this.process = process;
			this.port = port;
			this.databaseLink = databaseLink;
		}

		/**
		 * Its Kafka client id, which the broker shows for its consumers, and the
		 * {@code application_name} of its database sessions.
		 */
		String name() {
			return this.name;
		}

		/** The network between it and its database. */
		NetworkLink databaseLink() {
			return this.databaseLink;
		}

		/** {@code SIGSTOP}: it freezes with its connections open. */
		void pause() {
			this.process.pause();
		}

		/** {@code SIGCONT}: it goes on where it stopped. */
		void resume() {
			this.process.resume();
		}

		/** A counter or gauge of its own Micrometer registry. */
		double metric(String name) {
			return SystemUnderTest.this.metric(this.port, name);
		}

		@Override
		public void close() {
			this.databaseLink.heal();
			if (this.process.isAlive()) {
				this.process.resume();
			}
			this.process.stop(Duration.ofSeconds(30));
			this.databaseLink.close();
		}

	}

}
