package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one
 * process), run from the {@code kafka_2.13} artifact as a child JVM, exactly as
 * {@code kafka-storage.sh} and {@code kafka-server-start.sh} would run it.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final ChildProcess process;

	private final int port;

	private KafkaBroker(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Formats the storage under {@code data/kafka} on first use, starts the broker and
	 * waits until it answers a metadata request.
	 */
	public static KafkaBroker start(RunDirectory run, int port, int controllerPort) {
		return start(run, port, controllerPort, List.of());
	}

	/**
	 * Like {@link #start(RunDirectory, int, int)}, with further listeners, e.g. one that
	 * clients reach through a TCP proxy.
	 */
	public static KafkaBroker start(RunDirectory run, int port, int controllerPort, List<Listener> extraListeners) {
		Path dataDir = run.data("kafka");
		Path logDir = dataDir.resolve("log");
		Path config = dataDir.resolve("server.properties");
		writeConfig(config, logDir, port, controllerPort, extraListeners);
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			ChildProcess format = ChildProcess.startJava(run, "kafka-storage-format", List.of("-Xmx256m"),
					kafka.tools.StorageTool.class, List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
							"--config", config.toString(), "--ignore-formatted"));
			if (format.awaitExit(Duration.ofSeconds(60)) != 0) {
				throw new LocalStackException("Formatting Kafka's storage failed; see " + format.log());
			}
		}
		ChildProcess broker = ChildProcess.startJava(run, "kafka",
				List.of("-Xms256m", "-Xmx1g", "-Djava.awt.headless=true", "-Dlocal-stack.log-level=INFO"),
				kafka.Kafka.class, List.of(config.toString()));
		KafkaBroker kafka = new KafkaBroker(broker, port);
		kafka.awaitReady();
		return kafka;
	}

	private static void writeConfig(Path config, Path logDir, int port, int controllerPort,
			List<Listener> extraListeners) {
		StringBuilder listeners = new StringBuilder();
		StringBuilder advertised = new StringBuilder();
		StringBuilder protocols = new StringBuilder();
		for (Listener listener : extraListeners) {
			listeners.append(",%s://127.0.0.1:%d".formatted(listener.name(), listener.port()));
			advertised.append(",%s://127.0.0.1:%d".formatted(listener.name(), listener.advertisedPort()));
			protocols.append(",%s:PLAINTEXT".formatted(listener.name()));
		}
		String properties = """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d%4$s
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d%5$s
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT%6$s
				log.dirs=%3$s
				# Topics are created by the services that own them, never by accident.
				auto.create.topics.enable=false
				num.partitions=3
				# One broker: every internal topic has one replica.
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=10
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				transaction.state.log.num.partitions=10
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(port, controllerPort, logDir, listeners, advertised, protocols);
		try {
			Files.createDirectories(logDir);
			Files.writeString(config, properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				2000);
		while (true) {
			if (!this.process.isAlive()) {
				throw new LocalStackException("Kafka exited while starting; see " + this.process.log() + ":"
						+ System.lineSeparator() + this.process.logTail(15));
			}
			if (Ports.accepts(this.port)) {
				try (Admin admin = Admin.create(config)) {
					if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (Exception ex) {
					// not ready yet
				}
			}
			if (Instant.now().isAfter(deadline)) {
				this.process.stop(Duration.ZERO);
				throw new LocalStackException(
						"Kafka did not start within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + this.process.log());
			}
			Sleep.briefly();
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public ChildProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(30));
	}

	/**
	 * A further plaintext listener on {@code 127.0.0.1:port} that tells its clients to
	 * connect to {@code 127.0.0.1:advertisedPort}. Kafka clients use the bootstrap
	 * address only for their first request and then connect to the address the broker
	 * advertises on the listener they came in through; so a client that reaches this
	 * listener through a TCP proxy on {@code advertisedPort} stays behind the proxy,
	 * while clients of the main listener are not affected.
	 *
	 * @param name the listener's name, upper case, e.g. {@code PROXIED}
	 * @param port where the broker listens
	 * @param advertisedPort where its clients connect
	 */
	public record Listener(String name, int port, int advertisedPort) {

	}

}
