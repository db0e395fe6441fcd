package com.example.shop.platform.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.example.shop.platform.localstack.Issuer;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.MongoWireServer;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.PostgresServer;
import com.example.shop.platform.localstack.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL, Kafka and MongoDB for the integration tests of one JVM. Each is started on
 * first use and shared by every test class after that; each comes from the first of these
 * that is available:
 * <ol>
 * <li>the environment: {@code SPRING_DATASOURCE_URL} (with
 * {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD}),
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code SPRING_MONGODB_URI};</li>
 * <li>Testcontainers, when a Docker engine answers: the pinned images below;</li>
 * <li>the local stack: a real Kafka broker and a MongoDB wire server as child processes,
 * and a fresh database on embedded PostgreSQL (or, as root, where PostgreSQL refuses to
 * run, on the server at 127.0.0.1:5432).</li>
 * </ol>
 * Nothing is skipped for lack of Docker. Logs of the local processes go to
 * {@code target/test-infrastructure/<run>/logs}.
 */
public final class TestInfrastructure {

	static final String POSTGRES_IMAGE = "postgres:17.6";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String MONGO_IMAGE = "mongo:8.0.15";

	private static final Logger logger = LoggerFactory.getLogger(TestInfrastructure.class);

	private static final TestInfrastructure INSTANCE = new TestInfrastructure();

	private final String runName = "run-" + ProcessHandle.current().pid() + "-"
			+ UUID.randomUUID().toString().substring(0, 8);

	private RunDirectory run;

	private Boolean dockerAvailable;

	private PostgresEndpoint postgres;

	private String kafkaBootstrapServers;

	private String mongoUri;

	private Issuer issuer;

	private TestInfrastructure() {
	}

	public static TestInfrastructure get() {
		return INSTANCE;
	}

	public synchronized PostgresEndpoint postgres() {
		if (this.postgres == null) {
			this.postgres = env("SPRING_DATASOURCE_URL")
				.map((url) -> new PostgresEndpoint(url, env("SPRING_DATASOURCE_USERNAME").orElse("postgres"),
						env("SPRING_DATASOURCE_PASSWORD").orElse("")))
				.orElseGet(() -> dockerAvailable() ? postgresContainer() : embeddedPostgres());
			logger.info("PostgreSQL for tests: {}", this.postgres.jdbcUrl());
		}
		return this.postgres;
	}

	public synchronized String kafkaBootstrapServers() {
		if (this.kafkaBootstrapServers == null) {
			this.kafkaBootstrapServers = env("SPRING_KAFKA_BOOTSTRAP_SERVERS")
				.orElseGet(() -> dockerAvailable() ? kafkaContainer() : embeddedKafka());
			logger.info("Kafka for tests: {}", this.kafkaBootstrapServers);
		}
		return this.kafkaBootstrapServers;
	}

	public synchronized String mongoUri() {
		if (this.mongoUri == null) {
			this.mongoUri = env("SPRING_MONGODB_URI")
				.orElseGet(() -> dockerAvailable() ? mongoContainer() : embeddedMongo());
			logger.info("MongoDB for tests: {}", this.mongoUri);
		}
		return this.mongoUri;
	}

	/**
	 * The address of the system's own issuer of tokens, started from its jar (it is not
	 * an image, with or without Docker) with the dev-only signing key. Every service
	 * under test trusts it; {@link TestPrincipal} gets tokens from it.
	 */
	public synchronized String issuerUri() {
		if (this.issuer == null) {
			this.issuer = Issuer.start(run(), repositoryRoot(), Ports.free(), Ports.free());
			onShutdown(this.issuer::close);
			logger.info("Issuer of tokens for tests: {}", this.issuer.uri());
		}
		return this.issuer.uri();
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("identity-service"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No repository root (with mvnw and identity-service/) above "
				+ Path.of("").toAbsolutePath() + ": the tests start the issuer from identity-service/target");
	}

	private boolean dockerAvailable() {
		if (this.dockerAvailable == null) {
			this.dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
			logger.info(this.dockerAvailable ? "Docker is available: tests use Testcontainers"
					: "No Docker engine: tests use the local stack's real processes");
		}
		return this.dockerAvailable;
	}

	private PostgresEndpoint postgresContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
		container.start();
		return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	private String kafkaContainer() {
		KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
		container.start();
		return container.getBootstrapServers();
	}

	private String mongoContainer() {
		MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
		container.start();
		return container.getReplicaSetUrl("test");
	}

	private PostgresEndpoint embeddedPostgres() {
		PostgresServer server = PostgresServer.startOrConnect(run(), Ports.free(), false);
		String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		server.createDatabaseIfMissing(database);
		onShutdown(() -> {
			server.dropDatabase(database);
			server.close();
		});
		return new PostgresEndpoint(server.jdbcUrl(database), server.user(), server.password());
	}

	private String embeddedKafka() {
		KafkaBroker broker = KafkaBroker.start(run(), Ports.free(), Ports.free());
		onShutdown(() -> broker.process().stop(Duration.ofSeconds(5)));
		return broker.bootstrapServers();
	}

	private String embeddedMongo() {
		MongoWireServer server = MongoWireServer.start(run(), Ports.free(), false);
		onShutdown(server::close);
		return server.uri("test");
	}

	private RunDirectory run() {
		if (this.run == null) {
			this.run = new RunDirectory(Path.of("target", "test-infrastructure", this.runName));
		}
		return this.run;
	}

	private static void onShutdown(Runnable action) {
		Runtime.getRuntime().addShutdownHook(new Thread(action, "test-infrastructure-shutdown"));
	}

	private static Optional<String> env(String name) {
		return Optional.ofNullable(System.getenv(name)).filter((value) -> !value.isBlank());
	}

}
