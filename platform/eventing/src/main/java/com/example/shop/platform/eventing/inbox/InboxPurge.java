package com.example.shop.platform.eventing.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the inbox bounded: deletes processed message ids older than the retention, in
 * small batches so that no long transaction holds up the consumers.
 */
public class InboxPurge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboxPurge.class);

	private static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;

	private final InboxProperties properties;

	private ScheduledExecutorService scheduler;

	public InboxPurge(JdbcTemplate jdbc, InboxProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Deletes ids processed before {@code now - retention}.
	 * @return how many were deleted
	 */
	public int purge() {
		Timestamp before = Timestamp.from(Instant.now().minus(this.properties.retention()));
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update("""
					DELETE FROM inbox_message WHERE ctid IN (
					    SELECT ctid FROM inbox_message WHERE processed_at < ? LIMIT ?)""", before, BATCH);
			total += deleted;
		}
		while (deleted == BATCH);
		return total;
	}

	@Override
	public void start() {
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-purge").daemon().factory());
		long interval = this.properties.purgeInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				int deleted = purge();
				if (deleted > 0) {
					logger.info("Purged {} processed message ids older than {}", deleted, this.properties.retention());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Inbox purge failed; trying again in {}: {}", this.properties.purgeInterval(),
						ex.toString());
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
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
