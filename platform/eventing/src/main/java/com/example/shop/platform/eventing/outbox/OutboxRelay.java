package com.example.shop.platform.eventing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.example.shop.platform.eventing.CloudEventHeaders;
import com.example.shop.platform.eventing.MessageTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once Kafka has acknowledged
 * them.
 * <p>
 * <b>One statement per batch.</b> The leader works on its lock connection. Each batch is
 * one statement that deletes the rows the previous batch sent and reads the next ones,
 * committed without waiting for the disk ({@code synchronous_commit = off}): a crash can
 * at worst forget the last deletes, and their rows are published again.
 * <p>
 * <b>One publisher at a time.</b> Every instance of a service runs a relay, but only the
 * one holding a PostgreSQL advisory lock publishes; the lock lives on a dedicated
 * connection, so when that instance dies its session ends, the lock is released and
 * another instance takes over within {@code leaderRetry}.
 * <p>
 * <b>Nothing skipped, order per key kept.</b> The relay keeps no "last id seen": it
 * always reads the oldest rows still in the table, so a row whose transaction took a
 * small id and committed late is published when it commits. Writers of one key are
 * serialized by the event store's optimistic concurrency, so one key's rows commit in id
 * order and are sent in that order by an idempotent producer ({@code acks=all}). After a
 * failed send only the rows before the first failure are deleted; the rest are sent again
 * (at-least-once: consumers deduplicate on {@code ce_id}). The rows a batch deletes are
 * exactly those Kafka acknowledged, by id, never a range that could hold a row committed
 * since the read.
 * <p>
 * <b>Low latency without polling hard.</b> A transaction that wrote outbox rows wakes the
 * relay of its own instance once it has committed ({@link #wake}). On the leader that
 * starts a read at once. A standby passes it on: it sends the leader one PostgreSQL
 * {@code NOTIFY} on the channel {@code outbox_relay_<lockId>}, and the leader, which
 * listens there on a connection of its own, reads at once too. Wake-ups that arrive while
 * a notification is on its way collapse into the next one, so there is at most one in
 * flight per standby, never one per transaction; the standby sends them with
 * {@code synchronous_commit = off}, as nothing is lost if one is. The leader also looks
 * every {@code pollInterval}, in case a notification was missed. Under load it does not
 * wait at all: it reads again as soon as a batch is sent, until a read finds nothing.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Supplier<Producer<String, byte[]>> producers;

	private final MessageTracing tracing;

	private volatile Producer<String, byte[]> producer;

	private final JsonMapper json;

	private final OutboxProperties properties;

	private final String source;

	private final Counter published;

	private final Timer latency;

	private volatile Thread worker;

	private volatile boolean running;

	private volatile boolean leader;

	private final Semaphore wakeUps = new Semaphore(0);

	/**
	 * Rows the last batch sent that no statement has deleted yet; only the relay's thread
	 * uses it.
	 */
	private List<Long> sent = List.of();

	/**
	 * @param producers makes the producer for each run between {@link #start} and
	 * {@link #stop}: a lifecycle can be stopped and started again (Spring pauses the
	 * contexts of tests that are not running), and a closed producer cannot be reopened
	 * @param source the CloudEvents {@code ce_source} of every message, the service's
	 * name
	 * @param tracing makes each send a span in the trace of the change that wrote the row
	 */
	public OutboxRelay(DataSource dataSource, Supplier<Producer<String, byte[]>> producers, JsonMapper json,
			OutboxProperties properties, String source, MeterRegistry meters, MessageTracing tracing) {
		this.dataSource = dataSource;
		this.tracing = tracing;
		this.jdbc = new JdbcTemplate(dataSource);
		this.producers = producers;
		this.json = json;
		this.properties = properties;
		this.source = source;
		this.published = Counter.builder("outbox.published")
			.description("Outbox messages acknowledged by Kafka")
			.register(meters);
		this.latency = Timer.builder("outbox.publish.latency")
			.description("From writing an outbox row to Kafka acknowledging it")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("outbox.backlog", this, (relay) -> Outbox.rows(relay.jdbc))
			.description("Outbox rows not yet published")
			.register(meters);
		Gauge.builder("outbox.oldest.age", this, (relay) -> Outbox.oldestAgeSeconds(relay.jdbc))
			.description("Age in seconds of the oldest unpublished outbox row")
			.baseUnit("seconds")
			.register(meters);
	}

	/**
	 * The producer a relay needs: idempotent, {@code acks=all}, batching for a few
	 * milliseconds, and failing within seconds rather than blocking while the broker is
	 * away.
	 * @param base connection settings, e.g. Spring Boot's producer properties
	 */
	public static Producer<String, byte[]> producer(Map<String, Object> base, String clientId) {
		Map<String, Object> config = new HashMap<>(base);
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Override
	public void start() {
		this.producer = this.producers.get();
		this.running = true;
		this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.producer.close(Duration.ofSeconds(5));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Tells the relay that a transaction has committed outbox rows, so that the leader
	 * reads now rather than at its next poll: at once on the leader, through a
	 * {@code NOTIFY} from a standby. Cheap: it never blocks the caller.
	 */
	public void wake() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Whether this instance holds the lock and publishes.
	 */
	public boolean isLeader() {
		return this.leader;
	}

	private void run() {
		while (this.running) {
			boolean stoodBy = false;
			try (Connection connection = this.dataSource.getConnection()) {
				try {
					if (tryLead(connection)) {
						this.leader = true;
						logger.info("Outbox relay is the leader: publishing");
						lead(connection);
					}
					else {
						standBy(connection);
						stoodBy = true;
					}
				}
				finally {
					this.leader = false;
					release(connection);
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					logger.warn("Outbox relay lost its database connection or failed: {}", ex.toString());
				}
			}
			if (!stoodBy) {
				pause(this.properties.leaderRetry());
			}
		}
	}

	/**
	 * The channel on which standbys wake the leader; one per lock, so per service.
	 */
	private String channel() {
		return "outbox_relay_" + this.properties.lockId();
	}

	/**
	 * Until it is time to try for the lead again, passes each wake-up of this instance on
	 * to the leader as one {@code NOTIFY}. Wake-ups that come while one is sent are sent
	 * together, with the next.
	 */
	private void standBy(Connection connection) throws SQLException {
		long until = System.nanoTime() + this.properties.leaderRetry().toNanos();
		try (Statement statement = connection.createStatement();
				PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
			statement.execute("SET synchronous_commit = off");
			notify.setString(1, channel());
			long left;
			while (this.running && (left = until - System.nanoTime()) > 0) {
				if (this.wakeUps.tryAcquire(left, TimeUnit.NANOSECONDS)) {
					this.wakeUps.drainPermits();
					notify.execute();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/**
	 * While this instance leads, turns each {@code NOTIFY} from a standby into a wake-up.
	 * It listens on a connection of its own, as the lock connection is busy publishing.
	 * If it cannot, the leader still polls.
	 */
	private void listenToStandbys() {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("LISTEN " + channel());
			}
			PGConnection notifications = connection.unwrap(PGConnection.class);
			int timeout = (int) Math.max(1, this.properties.pollInterval().toMillis());
			try {
				while (this.leader && this.running) {
					PGNotification[] received = notifications.getNotifications(timeout);
					if (received != null && received.length > 0) {
						wake();
					}
				}
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("UNLISTEN *");
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (this.leader && this.running) {
				logger.warn("The outbox relay cannot listen to other instances; it polls for their rows: {}",
						ex.toString());
			}
		}
	}

	/**
	 * The lock connection goes back to the pool: it must not keep the lock. When the
	 * connection itself broke, its session, and with it the lock, is gone already.
	 */
	private void release(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET synchronous_commit");
			statement.execute("SELECT pg_advisory_unlock_all()");
		}
		catch (SQLException ex) {
			logger.debug("Could not release the relay lock connection: {}", ex.toString());
		}
	}

	private boolean tryLead(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("SELECT pg_try_advisory_lock(" + this.properties.lockId() + ")")) {
			return result.next() && result.getBoolean(1);
		}
	}

	private void lead(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// losing the last deletes in a crash only publishes their rows again, which
			// consumers deduplicate: the relay need not wait for them to be flushed
			statement.execute("SET synchronous_commit = off");
		}
		Thread listener = Thread.ofPlatform().name("outbox-relay-listener").daemon().start(this::listenToStandbys);
		try {
			publishUntilStopped(connection);
		}
		finally {
			this.leader = false;
			listener.interrupt();
			forgetSent(connection);
		}
	}

	private void publishUntilStopped(Connection connection) throws SQLException {
		long checked = System.nanoTime();
		while (this.running) {
			// drain until a read finds nothing, then wait: under load a row is picked up
			// by the next read rather than after a wake-up
			this.wakeUps.drainPermits();
			Batch batch;
			do {
				batch = publishBatch(connection, this.sent);
				this.sent = batch.sent();
				this.wakeUps.drainPermits();
			}
			while (this.running && batch.read() > 0);
			try {
				this.wakeUps.tryAcquire(this.properties.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			// prove, once per poll interval, that the lock (and with it the lead) is
			// still held
			if (System.nanoTime() - checked >= this.properties.pollInterval().toNanos()) {
				if (!connection.isValid(2)) {
					throw new SQLException("The lock connection is gone; leadership is lost");
				}
				checked = System.nanoTime();
			}
		}
	}

	/**
	 * On the way out of the lead (a stop, or a broken connection), deletes the rows the
	 * last batch sent, if it still can; if not, the next leader publishes them again.
	 */
	private void forgetSent(Connection connection) {
		List<Long> sent = this.sent;
		this.sent = List.of();
		if (sent.isEmpty()) {
			return;
		}
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_message WHERE id = ANY(?)")) {
			delete.setArray(1, connection.createArrayOf("bigint", sent.toArray()));
			delete.executeUpdate();
			this.published.increment(sent.size());
		}
		catch (SQLException ex) {
			logger.debug("Could not delete the last published rows; they will be published again: {}", ex.toString());
		}
	}

	/**
	 * In one statement, deletes the rows the previous batch sent and reads the oldest
	 * rows still in the table; then sends those, at most one batch.
	 * @param sent the rows Kafka acknowledged in the previous batch
	 * @return how many rows were read, and which of them Kafka acknowledged
	 */
	Batch publishBatch(Connection connection, List<Long> sent) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				WITH published AS (DELETE FROM outbox_message WHERE id = ANY(?))
				SELECT id, message_id, topic, message_key, message_type, payload, headers::text, created_at
				FROM outbox_message WHERE id <> ALL(?) ORDER BY id LIMIT ?""")) {
			Array ids = connection.createArrayOf("bigint", sent.toArray());
			statement.setArray(1, ids);
			statement.setArray(2, ids);
			statement.setInt(3, this.properties.batchSize());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
				}
			}
		}
		this.published.increment(sent.size());
		if (rows.isEmpty()) {
			return new Batch(0, List.of());
		}
		List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
		for (Row row : rows) {
			try {
				ProducerRecord<String, byte[]> record = toRecord(row);
				Span span = this.tracing.startProducer(row.topic(),
						CloudEventHeaders.get(record.headers(), CloudEventHeaders.TRACEPARENT), record.headers());
				try {
					sends.add(this.producer.send(record, (metadata, failure) -> {
						if (failure != null) {
							span.error(failure);
						}
						span.end();
					}));
				}
				catch (RuntimeException ex) {
					// refused before it was queued: the callback never runs
					span.error(ex);
					span.end();
					throw ex;
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Sending outbox row {} failed: {}", row.id(), ex.toString());
				break;
			}
		}
		this.producer.flush();
		List<Long> done = new ArrayList<>(rows.size());
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(30, TimeUnit.SECONDS);
				done.add(rows.get(i).id());
				this.latency.record(Duration.between(rows.get(i).createdAt(), Instant.now()));
			}
			catch (Exception ex) {
				logger.warn("Publishing outbox row {} failed; it and later rows will be sent again: {}",
						rows.get(i).id(), ex.toString());
				break;
			}
		}
		if (done.size() < rows.size()) {
			pause(this.properties.pollInterval());
		}
		return new Batch(rows.size(), done);
	}

	private ProducerRecord<String, byte[]> toRecord(Row row) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
		header(headers, CloudEventHeaders.ID, row.messageId());
		header(headers, CloudEventHeaders.TYPE, row.type());
		header(headers, CloudEventHeaders.SOURCE, this.source);
		header(headers, CloudEventHeaders.SUBJECT, row.key());
		header(headers, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.createdAt()));
		header(headers, "content-type", "application/json");
		Map<String, String> extra = this.json.readValue(row.headers(), new TypeReference<Map<String, String>>() {
		});
		extra.forEach((name, value) -> header(headers, name, value));
		return new ProducerRecord<>(row.topic(), null, row.key(), row.payload().getBytes(StandardCharsets.UTF_8),
				headers);
	}

	private static void header(RecordHeaders headers, String name, String value) {
		if (value != null) {
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	/**
	 * @param read rows read
	 * @param sent ids of the rows Kafka acknowledged, to delete with the next read
	 */
	record Batch(int read, List<Long> sent) {

	}

	private record Row(long id, String messageId, String topic, String key, String type, String payload, String headers,
			Instant createdAt) {

	}

}
