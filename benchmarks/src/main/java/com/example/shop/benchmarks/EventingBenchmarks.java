package com.example.shop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.example.shop.platform.eventing.EventingSchema;
import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.platform.eventing.aggregate.AggregateRepositories;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.outbox.OutboxProperties;
import com.example.shop.platform.eventing.outbox.OutboxRelay;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.NewEvent;
import com.example.shop.platform.eventing.store.RecordedEvent;
import com.example.shop.platform.eventing.store.SnapshotStore;
import com.example.shop.platform.localstack.KafkaBroker;
import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.localstack.PostgresServer;
import com.example.shop.platform.localstack.RunDirectory;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the eventing library on real PostgreSQL and Kafka, each result beside a
 * baseline measured in the same run, and prints a Markdown table of medians.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar [--runs N]}
 */
public final class EventingBenchmarks {

	private static final String PAYLOAD = "{\"orderId\":\"3f1c2b9e-2a51-4c55-9d3e-6c1f0e9a7b21\",\"customerId\":\"C-000123\","
			+ "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"price\":\"19.99\"}],\"currency\":\"EUR\"}";

	private static final EventMetadata METADATA = EventMetadata.newRequest("benchmark", null);

	private static final Duration WINDOW = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final EventStore store;

	private final Outbox outbox;

	private volatile OutboxRelay relay;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String bootstrap;

	private final List<String> rows = new ArrayList<>();

	private EventingBenchmarks(DataSource dataSource, String bootstrap) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.store = new EventStore(this.jdbc, this.json, new SimpleMeterRegistry());
		// as in a service: a commit with outbox rows wakes the relay that runs, if any
		this.outbox = new Outbox(this.jdbc, this.json, () -> {
			OutboxRelay relay = this.relay;
			if (relay != null) {
				relay.wake();
			}
		});
		this.bootstrap = bootstrap;
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("logback.configurationFile", "local-stack-logback.xml");
		int runs = 3;
		String only = "";
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--runs" -> runs = Integer.parseInt(args[i + 1]);
				case "--only" -> only = args[i + 1];
				default -> throw new IllegalArgumentException(
						"Usage: [--runs N] [--only appends|batched|replay|loads|commands|drain|latency]");
			}
		}
		RunDirectory run = new RunDirectory(Path.of("benchmarks", "target", "run-" + System.currentTimeMillis()));
		String database = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		try (PostgresServer postgres = PostgresServer.startOrConnect(run, Ports.free(), false);
				KafkaBroker kafka = KafkaBroker.start(run, Ports.free(), Ports.free())) {
			postgres.createDatabaseIfMissing(database);
			// also on Ctrl-C: the benchmark's database never outlives it
			Runtime.getRuntime().addShutdownHook(new Thread(() -> postgres.dropDatabase(database)));
			try (HikariDataSource dataSource = new HikariDataSource()) {
				dataSource.setJdbcUrl(postgres.jdbcUrl(database));
				dataSource.setUsername(postgres.user());
				dataSource.setPassword(postgres.password());
				dataSource.setMaximumPoolSize(40);
				new EventingSchema(dataSource);
				System.out.printf("PostgreSQL: %s%nKafka: %s%nRuns per measurement: %d%n%n", postgres.description(),
						kafka.bootstrapServers(), runs);
				new EventingBenchmarks(dataSource, kafka.bootstrapServers()).runAll(runs, only);
			}
		}
	}

	private void runAll(int runs, String only) throws Exception {
		for (int concurrency : selected(only, "appends") ? new int[] { 1, 8, 32 } : new int[0]) {
			Samples library = new Samples();
			Samples baseline = new Samples();
			for (int i = 0; i < runs; i++) {
				this.jdbc.execute("TRUNCATE outbox_message");
				baseline.add(appendsPerSecond(concurrency, this::plainJdbcAppend));
				this.jdbc.execute("TRUNCATE outbox_message");
				library.add(appendsPerSecond(concurrency, this::libraryAppend));
			}
			row("Transactional append, 1 event + 1 outbox row, concurrency " + concurrency, library, baseline,
					"appends/s", ">= 0.8x plain JDBC");
		}
		this.jdbc.execute("TRUNCATE outbox_message");

		Samples batched = new Samples();
		for (int i = 0; i < (selected(only, "batched") ? runs : 0); i++) {
			batched.add(batchedEventsPerSecond(100_000, 5_000));
		}
		if (selected(only, "batched")) {
			row("Batched append, 5,000 events per append", batched, null, "events/s", ">= 50,000/s");
		}

		Samples replay = new Samples();
		long total = this.jdbc.queryForObject("SELECT count(*) FROM event_store", Long.class);
		for (int i = 0; i < (selected(only, "replay") ? runs : 0); i++) {
			replay.add(replayEventsPerSecond(total));
		}
		if (selected(only, "replay"))
			row("Replay of all " + String.format(Locale.ROOT, "%,d", total) + " events (readAll, pages of 5,000)",
					replay, null, "events/s", ">= 200,000/s");

		for (int length : selected(only, "loads") ? new int[] { 10, 1_000, 100_000 } : new int[0]) {
			String id = writeCounterStream(length);
			row("Aggregate load, stream of " + String.format(Locale.ROOT, "%,d", length) + " events, with snapshots",
					loadMillis(repository(true), id, runs), loadMillis(repository(false), id, runs), "ms",
					"flat with snapshots (baseline: without)");
		}

		for (int perTransaction : selected(only, "commands") ? new int[] { 10, 50 } : new int[0]) {
			Samples together = new Samples();
			Samples alone = new Samples();
			Samples preloaded = new Samples();
			Samples trips = new Samples();
			Samples tripsPreloaded = new Samples();
			for (int i = 0; i < runs; i++) {
				this.jdbc.execute("TRUNCATE outbox_message");
				alone.add(commandsPerSecond(1, false).perSecond());
				this.jdbc.execute("TRUNCATE outbox_message");
				Commands run = commandsPerSecond(perTransaction, false);
				together.add(run.perSecond());
				trips.add(run.roundTripsPerCommand());
				this.jdbc.execute("TRUNCATE outbox_message");
				Commands preloading = commandsPerSecond(perTransaction, true);
				preloaded.add(preloading.perSecond());
				tripsPreloaded.add(preloading.roundTripsPerCommand());
			}
			row(perTransaction + " commands per transaction, each a load and 1 event + 1 outbox row", together, alone,
					"commands/s", "(baseline: one command per transaction)");
			row(perTransaction + " commands per transaction, their aggregates preloaded in one query", preloaded,
					together, "commands/s", "(baseline: each loaded alone)");
			row(perTransaction + " commands per transaction: round trips per command", trips, null, "", "");
			row(perTransaction + " commands per transaction, preloaded: round trips per command", tripsPreloaded, null,
					"", "");
		}
		this.jdbc.execute("TRUNCATE outbox_message");

		Samples drain = new Samples();
		Samples producer = new Samples();
		for (int i = 0; i < (selected(only, "drain") ? runs : 0); i++) {
			drain.add(relayDrainPerSecond(200_000));
			producer.add(producerPerformance(200_000, PAYLOAD.length()));
		}
		if (selected(only, "drain")) {
			row("Relay drain of a 200,000-row backlog", drain, producer, "messages/s",
					">= 20,000/s (baseline: Kafka ProducerPerformance, same size)");
		}

		Samples p50 = new Samples();
		Samples p99 = new Samples();
		for (int i = 0; i < (selected(only, "latency") ? runs : 0); i++) {
			Histogram latency = commitToConsumerLatency(1_000, Duration.ofSeconds(15));
			p50.add(latency.getValueAtPercentile(50) / 1000.0);
			p99.add(latency.getValueAtPercentile(99) / 1000.0);
		}
		if (selected(only, "latency")) {
			row("Outbox row written to a consumer at 1,000 appends/s, p50", p50, null, "ms", "");
			row("Outbox row written to a consumer at 1,000 appends/s, p99", p99, null, "ms",
					"commit to Kafka p99 <= 25 ms");
		}

		System.out.println("| Measurement | Median | Baseline median | Ratio | Unit | Target | Runs |");
		System.out.println("|---|---:|---:|---:|---|---|---|");
		this.rows.forEach(System.out::println);
	}

	private static boolean selected(String only, String name) {
		return only.isEmpty() || only.equals(name);
	}

	private void row(String name, Samples result, Samples baseline, String unit, String target) {
		String line = String.format(Locale.ROOT, "| %s | %,.1f | %s | %s | %s | %s | %s%s |", name, result.median(),
				(baseline != null) ? String.format(Locale.ROOT, "%,.1f", baseline.median()) : "",
				(baseline != null) ? String.format(Locale.ROOT, "%.2f", result.median() / baseline.median()) : "", unit,
				target, result, (baseline != null) ? " vs " + baseline : "");
		System.out.println(line);
		this.rows.add(line);
	}

	// --- appends

	interface Appender {

		void append(String stream, long version) throws Exception;

	}

	private double appendsPerSecond(int concurrency, java.util.function.Function<Connection, Appender> appenders)
			throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong count = new AtomicLong();
		CountDownLatch done = new CountDownLatch(concurrency);
		List<Connection> connections = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			for (int t = 0; t < concurrency; t++) {
				Connection connection = this.dataSource.getConnection();
				connections.add(connection);
				Appender appender = appenders.apply(connection);
				pool.submit(() -> {
					String stream = "bench-" + UUID.randomUUID();
					long version = 0;
					try {
						while (running.get()) {
							appender.append(stream, version++);
							count.incrementAndGet();
						}
					}
					catch (Exception ex) {
						ex.printStackTrace();
					}
					finally {
						done.countDown();
					}
				});
			}
			Thread.sleep(1000);
			long start = count.get();
			long began = System.nanoTime();
			Thread.sleep(WINDOW);
			double perSecond = (count.get() - start) / ((System.nanoTime() - began) / 1e9);
			running.set(false);
			done.await();
			return perSecond;
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	/**
	 * The library's path: the event store's version check and insert and the outbox
	 * insert, in one transaction managed by Spring.
	 */
	private Appender libraryAppend(Connection unused) {
		return (stream, version) -> this.transactions.executeWithoutResult((status) -> {
			this.store.append(stream, version,
					List.of(new NewEvent(UUID.randomUUID(), "OrderPlaced", 1, PAYLOAD, METADATA)));
			this.outbox.add(List.of(OutboxMessage.of("orders.events", stream, "OrderPlaced", PAYLOAD, METADATA)));
		});
	}

	/**
	 * The baseline: the same two rows with prepared statements on one connection and a
	 * commit.
	 */
	private Appender plainJdbcAppend(Connection connection) {
		try {
			connection.setAutoCommit(false);
			PreparedStatement event = connection.prepareStatement("""
					INSERT INTO event_store (stream_id, version, event_id, event_type, data, metadata)
					VALUES (?, ?, ?, 'OrderPlaced', ?::jsonb, ?::jsonb)""");
			PreparedStatement message = connection.prepareStatement("""
					INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, headers)
					VALUES (?, 'orders.events', ?, 'OrderPlaced', ?, ?::jsonb)""");
			String metadata = "{\"correlationId\":\"c\",\"causationId\":\"c\",\"principal\":\"benchmark\",\"schemaVersion\":1}";
			return (stream, version) -> {
				event.setString(1, stream);
				event.setLong(2, version + 1);
				event.setObject(3, UUID.randomUUID());
				event.setString(4, PAYLOAD);
				event.setString(5, metadata);
				event.executeUpdate();
				message.setObject(1, UUID.randomUUID());
				message.setString(2, stream);
				message.setString(3, PAYLOAD);
				message.setString(4, "{\"correlation_id\":\"c\",\"causation_id\":\"c\"}");
				message.executeUpdate();
				connection.commit();
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private double batchedEventsPerSecond(int events, int perAppend) {
		long began = System.nanoTime();
		for (int written = 0; written < events; written += perAppend) {
			List<NewEvent> batch = new ArrayList<>(perAppend);
			for (int i = 0; i < perAppend; i++) {
				batch.add(new NewEvent(UUID.randomUUID(), "OrderPlaced", 1, PAYLOAD, METADATA));
			}
			String stream = "batch-" + UUID.randomUUID();
			this.transactions.executeWithoutResult((status) -> this.store.append(stream, 0, batch));
		}
		return events / ((System.nanoTime() - began) / 1e9);
	}

	private double replayEventsPerSecond(long expected) {
		long began = System.nanoTime();
		long read = 0;
		long position = 0;
		List<RecordedEvent> page;
		do {
			page = this.store.readAll(position, 5_000);
			read += page.size();
			if (!page.isEmpty()) {
				position = page.get(page.size() - 1).position();
			}
		}
		while (!page.isEmpty());
		if (read < expected) {
			throw new IllegalStateException("Replay read " + read + " of " + expected + " events");
		}
		return read / ((System.nanoTime() - began) / 1e9);
	}

	// --- aggregate loads

	private AggregateRepository<String, Counter, Counter.Incremented> repository(boolean snapshots) {
		AggregateRepositories repositories = new AggregateRepositories(this.store, new SnapshotStore(this.jdbc),
				this.outbox, this.json, this.transactions);
		return snapshots
				? repositories.snapshotted("counter", String::toString, Counter::new, Counter.EVENT_TYPES,
						Counter.SNAPSHOTS)
				: repositories.of("counter", String::toString, Counter::new, Counter.EVENT_TYPES);
	}

	private String writeCounterStream(int length) {
		String id = UUID.randomUUID().toString();
		var repository = repository(true);
		long version = 0;
		Counter counter = new Counter();
		while (version < length) {
			int size = (int) Math.min(5_000, length - version);
			List<Counter.Incremented> events = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				events.add(new Counter.Incremented(1));
			}
			version = repository.save(new Loaded<>(id, counter, version), events, METADATA, List.of());
		}
		return id;
	}

	private Samples loadMillis(AggregateRepository<String, Counter, Counter.Incremented> repository, String id,
			int runs) {
		repository.load(id);
		Samples samples = new Samples();
		for (int i = 0; i < Math.max(runs, 5); i++) {
			long began = System.nanoTime();
			Loaded<String, Counter> loaded = repository.load(id);
			samples.add((System.nanoTime() - began) / 1e6);
			if (loaded.aggregate().state().increments() != loaded.version()) {
				throw new IllegalStateException("Loaded a wrong state");
			}
		}
		return samples;
	}

	// --- commands in one transaction

	/**
	 * @param perSecond commands applied per second
	 * @param roundTripsPerCommand statements and commits sent to PostgreSQL per command
	 */
	private record Commands(double perSecond, double roundTripsPerCommand) {
	}

	/**
	 * Commands as a consumer applies a poll, or group commit a batch of HTTP commands:
	 * {@code perTransaction} of them in one transaction, each loading its own aggregate
	 * (kept in memory, so the load reads only the events after the kept version) and
	 * saving one event and one outbox message, for {@link #WINDOW} after a second of
	 * warm-up. Round trips are counted on the connections of that path alone.
	 * @param preload whether the transaction first reads all its aggregates with one
	 * query, as a consumer's {@code PollHandler} does
	 */
	private Commands commandsPerSecond(int perTransaction, boolean preload) throws InterruptedException {
		RoundTrips counted = new RoundTrips(this.dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(counted);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(counted));
		var repository = new AggregateRepositories(new EventStore(jdbc, this.json, new SimpleMeterRegistry()),
				new SnapshotStore(jdbc), new Outbox(jdbc, this.json, () -> {
				}), this.json, transactions)
			.of("counter", String::toString, Counter::new, Counter.EVENT_TYPES);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			String id = UUID.randomUUID().toString();
			repository.save(repository.load(id), List.of(new Counter.Incremented(1)), METADATA, List.of());
			ids.add(id);
		}
		long[] commands = { 0 };
		Runnable batch = () -> transactions.executeWithoutResult((status) -> {
			List<String> batchIds = new ArrayList<>(perTransaction);
			for (int i = 0; i < perTransaction; i++) {
				batchIds.add(ids.get((int) (commands[0]++ % ids.size())));
			}
			if (preload) {
				repository.preload(batchIds);
			}
			for (String id : batchIds) {
				repository.save(repository.load(id), List.of(new Counter.Incremented(1)), METADATA,
						List.of(OutboxMessage.of("orders.events", id, "Incremented", PAYLOAD, METADATA)));
			}
		});
		long warmUp = System.nanoTime() + Duration.ofSeconds(1).toNanos();
		while (System.nanoTime() < warmUp) {
			batch.run();
		}
		long startCommands = commands[0];
		long startTrips = counted.count();
		long began = System.nanoTime();
		long end = began + WINDOW.toNanos();
		while (System.nanoTime() < end) {
			batch.run();
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		long done = commands[0] - startCommands;
		return new Commands(done / seconds, (double) (counted.count() - startTrips) / done);
	}

	// --- relay

	private double relayDrainPerSecond(int rows) throws Exception {
		String topic = topic(3);
		this.jdbc.update("""
				INSERT INTO outbox_message (message_id, topic, message_key, message_type, payload, headers)
				SELECT gen_random_uuid(), ?, 'key-' || (n % 1000), 'OrderPlaced', ?,
				       '{"correlation_id":"c","causation_id":"c"}'::jsonb
				FROM generate_series(1, ?) AS n""", topic, PAYLOAD, rows);
		OutboxRelay relay = relay(2_000);
		long began = System.nanoTime();
		relay.start();
		try {
			while (this.jdbc.queryForObject("SELECT count(*) FROM outbox_message", Long.class) > 0) {
				Thread.sleep(20);
			}
			return rows / ((System.nanoTime() - began) / 1e9);
		}
		finally {
			relay.stop();
		}
	}

	private OutboxRelay relay(int batchSize) {
		this.relay = new OutboxRelay(this.dataSource,
				() -> OutboxRelay.producer(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap),
						"benchmark"),
				this.json,
				new OutboxProperties(batchSize, Duration.ofMillis(100), Duration.ofMillis(100), 7270001, true),
				"benchmark", new SimpleMeterRegistry(), MessageTracing.off());
		return this.relay;
	}

	/**
	 * Kafka's own producer benchmark, as a child process, with the relay's reliability
	 * settings.
	 */
	private double producerPerformance(int records, int size) throws IOException, InterruptedException {
		String topic = topic(3);
		Path log = Files.createTempFile("producer-performance", ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dlogback.configurationFile=local-stack-logback.xml", "-cp", System.getProperty("java.class.path"),
				"org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
				String.valueOf(records), "--record-size", String.valueOf(size), "--throughput", "-1",
				"--producer-props", "bootstrap.servers=" + this.bootstrap, "acks=all", "enable.idempotence=true",
				"linger.ms=5")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		process.waitFor(5, TimeUnit.MINUTES);
		Matcher summary = Pattern.compile(records + " records sent, ([\\d.]+) records/sec")
			.matcher(Files.readString(log));
		if (!summary.find()) {
			throw new IllegalStateException("ProducerPerformance printed no summary; see " + log);
		}
		return Double.parseDouble(summary.group(1));
	}

	/**
	 * Appends at a fixed rate (each append started at its scheduled time, not when the
	 * previous one ended), with a relay running, and records for each message the time
	 * from its outbox row to a consumer. The first five seconds warm the relay's path up
	 * and are not recorded.
	 */
	private Histogram commitToConsumerLatency(int perSecond, Duration duration) throws Exception {
		int warmUp = perSecond * 5;
		String topic = topic(3);
		OutboxRelay relay = relay(500);
		relay.start();
		Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
		int total = warmUp + (int) (perSecond * duration.toSeconds());
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		ScheduledExecutorService schedule = Executors.newScheduledThreadPool(4);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			consumer.poll(Duration.ofMillis(500));
			long periodNanos = 1_000_000_000L / perSecond;
			for (int i = 0; i < total; i++) {
				String key = "key-" + (i % 100);
				schedule.schedule(
						() -> this.transactions.executeWithoutResult((status) -> this.outbox
							.add(List.of(OutboxMessage.of(topic, key, "OrderPlaced", PAYLOAD, METADATA)))),
						i * periodNanos, TimeUnit.NANOSECONDS);
			}
			int received = 0;
			Instant deadline = Instant.now().plus(duration).plusSeconds(35);
			while (received < total && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					Instant written = Instant.parse(new String(record.headers().lastHeader("ce_time").value()));
					if (received++ >= warmUp) {
						histogram.recordValue(Math.max(0, Duration.between(written, Instant.now()).toNanos() / 1000));
					}
				}
			}
			if (received < total) {
				throw new IllegalStateException("Received " + received + " of " + total + " messages");
			}
			return histogram;
		}
		finally {
			schedule.shutdownNow();
			relay.stop();
		}
	}

	private String topic(int partitions) {
		String topic = "bench-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
			return topic;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
