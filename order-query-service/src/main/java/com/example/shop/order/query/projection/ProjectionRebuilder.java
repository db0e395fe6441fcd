package com.example.shop.order.query.projection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection without downtime. A reader of its own ({@link TopicReplay}) reads
 * the projection's topics from their start into a fresh collection while the old one
 * keeps serving. When it has caught up, the catalog points reads and the live listener at
 * the new collection (one atomic update). Live listeners follow within
 * {@link ProjectionCatalog#POINTER_REFRESH} and until then still write to the old
 * collection, so the rebuild waits that long and then reads on until it has passed the
 * end offsets taken after the wait: an event a live listener put into the old collection
 * is in the new one too. Applying twice is harmless: every projection is idempotent.
 * Finally the old collection is dropped. Rebuilds of different projections may run at the
 * same time.
 */
@Component
public class ProjectionRebuilder implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ProjectionRebuilder.class);

	/**
	 * How long the old collection outlives the switch, for reads that looked the pointer
	 * up just before it.
	 */
	private static final Duration DROP_GRACE = Duration.ofSeconds(5);

	private final ProjectionCatalog catalog;

	private final Projections projections;

	private final ViewStore store;

	private final TopicReplay replay;

	private final Map<String, Thread> running = new HashMap<>();

	ProjectionRebuilder(ProjectionCatalog catalog, Projections projections, ViewStore store, TopicReplay replay) {
		this.catalog = catalog;
		this.projections = projections;
		this.store = store;
		this.replay = replay;
	}

	/**
	 * Starts a rebuild in the background.
	 * @return the collection being built, or {@code null} when a rebuild runs already
	 * @throws IllegalArgumentException for an unknown projection
	 */
	public synchronized String start(String name) {
		Projection projection = this.projections.get(name);
		String target = this.catalog.startRebuild(name);
		if (target != null) {
			this.store.drop(target);
			this.store.createIndexes(target, projection.indexes());
			this.running.put(name, Thread.ofPlatform().name("rebuild-" + name).start(() -> run(projection, target)));
		}
		return target;
	}

	private void run(Projection projection, String target) {
		String name = projection.name();
		try (TopicReplay.Reader reader = this.replay.fromStart(projection.topics())) {
			long applied = reader.readToEnd((records) -> apply(projection, target, records));
			String previous = this.catalog.switchTo(name, target);
			Thread.sleep(ProjectionCatalog.POINTER_REFRESH);
			applied += reader.readToEnd((records) -> apply(projection, target, records));
			if (!previous.equals(target)) {
				Thread.sleep(DROP_GRACE);
				this.store.drop(previous);
			}
			logger.info("Rebuilt {} into {} from {} events", name, target, applied);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("Rebuilding {} failed; the old view keeps serving", name, ex);
			this.catalog.abandonRebuild(name);
			this.store.drop(target);
		}
	}

	/**
	 * Applies a batch of the replay. A record the live listener dead-letters because it
	 * cannot be decoded, the rebuild skips; a write that fails abandons the rebuild, and
	 * the old view keeps serving.
	 */
	private long apply(Projection projection, String target, List<TopicRecord> records) {
		return this.projections.applyTo(projection, target, records,
				(record, reason) -> logger.warn("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), reason.getMessage()));
	}

	@Override
	public void destroy() throws InterruptedException {
		List<Thread> threads;
		synchronized (this) {
			threads = List.copyOf(this.running.values());
		}
		for (Thread thread : threads) {
			thread.interrupt();
			thread.join(Duration.ofSeconds(10));
		}
	}

}
