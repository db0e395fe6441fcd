package com.example.shop.platform.eventing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps a table that remembers things for a while bounded: a minute after start (or one
 * interval, if that is shorter) and then every {@code interval}, deletes its rows whose
 * timestamp column is older than the retention, in small batches so that no long
 * transaction holds up the writers. The inbox's processed message ids are purged so, and
 * so are a service's idempotency keys. An index on the column keeps each batch cheap.
 */
public class RetentionPurge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RetentionPurge.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final int BATCH = 10_000;

	private static final Duration FIRST_RUN = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final String table;

	private final String delete;

	private final Duration retention;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	/**
	 * @param table the table, a plain lower-case SQL identifier
	 * @param column its {@code timestamptz} column that says when a row was written
	 * @param retention how long a row is kept at least
	 * @param interval how often older rows are deleted
	 */
	public RetentionPurge(JdbcTemplate jdbc, String table, String column, Duration retention, Duration interval) {
		for (String identifier : new String[] { table, column }) {
			if (!IDENTIFIER.matcher(identifier).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
			}
		}
		if (retention.isNegative() || retention.isZero() || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException(
					"Retention and interval must be positive, not " + retention + " and " + interval);
		}
		this.jdbc = jdbc;
		this.table = table;
		// quoted, so that a reserved word (order) is a name too
		this.delete = "DELETE FROM \"" + table + "\" WHERE ctid IN (SELECT ctid FROM \"" + table + "\" WHERE \""
				+ column + "\" < ? LIMIT ?)";
		this.retention = retention;
		this.interval = interval;
	}

	/**
	 * Claims a key in a table a purge keeps: inserts it unless it is there
	 * ({@code INSERT ... ON CONFLICT DO NOTHING}), else reads what the first claim
	 * stored. The purge may delete an expired key between the two statements; the key is
	 * free again then, and the insert is tried again, so a claim never reports a key as
	 * taken without either storing it or finding it.
	 * @param insertIfAbsent inserts the key, returns the rows inserted (0 or 1)
	 * @param earlier reads what the key's row holds, empty when there is no row
	 * @return empty when this call claimed the key, else what the first claim stored
	 * @param <T> what a claim stores
	 */
	public static <T> Optional<T> claim(IntSupplier insertIfAbsent, Supplier<List<T>> earlier) {
		while (true) {
			if (insertIfAbsent.getAsInt() == 1) {
				return Optional.empty();
			}
			List<T> found = earlier.get();
			if (!found.isEmpty()) {
				return Optional.of(found.get(0));
			}
		}
	}

	/**
	 * Deletes the rows written before {@code now - retention}.
	 * @return how many were deleted
	 */
	public int purge() {
		Timestamp before = Timestamp.from(Instant.now().minus(this.retention));
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update(this.delete, before, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("purge-" + this.table).daemon().factory());
		long period = this.interval.toMillis();
		// the first time soon after start, so that an instance restarted more often than
		// the interval still purges
		long first = Math.min(period, FIRST_RUN.toMillis());
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				int deleted = purge();
				if (deleted > 0) {
					logger.info("Purged {} rows of {} older than {}", deleted, this.table, this.retention);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Purge of {} failed; trying again in {}: {}", this.table, this.interval, ex.toString());
			}
		}, first, period, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.scheduler.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null && !this.scheduler.isShutdown();
	}

}
