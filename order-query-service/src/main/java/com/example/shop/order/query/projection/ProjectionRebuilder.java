package com.example.shop.order.query.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection without downtime. A consumer of its own reads the projection's
 * topics from offset 0 into a fresh collection while the old one keeps serving. When it
 * has caught up, the catalog points reads and the live listener at the new collection
 * (one atomic update). Live listeners follow within
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

	private final MongoTemplate mongo;

	private final KafkaProperties kafka;

	private final Map<String, Thread> running = new HashMap<>();

	ProjectionRebuilder(ProjectionCatalog catalog, Projections projections, MongoTemplate mongo,
			KafkaProperties kafka) {
		this.catalog = catalog;
		this.projections = projections;
		this.mongo = mongo;
		this.kafka = kafka;
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
			this.mongo.dropCollection(target);
			projection.createIndexes(target);
			this.running.put(name, Thread.ofPlatform().name("rebuild-" + name).start(() -> run(projection, target)));
		}
		return target;
	}

	private void run(Projection projection, String target) {
		String name = projection.name();
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = projection.topics()
				.stream()
				.flatMap((topic) -> consumer.partitionsFor(topic).stream())
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long applied = readToEnd(consumer, partitions, projection, target);
			String previous = this.catalog.switchTo(name, target);
			Thread.sleep(ProjectionCatalog.POINTER_REFRESH);
			applied += readToEnd(consumer, partitions, projection, target);
			if (!previous.equals(target)) {
				Thread.sleep(DROP_GRACE);
				this.mongo.dropCollection(previous);
			}
			logger.info("Rebuilt {} into {} from {} events", name, target, applied);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("Rebuilding {} failed; the old view keeps serving", name, ex);
			this.catalog.abandonRebuild(name);
			this.mongo.dropCollection(target);
		}
	}

	/**
	 * Applies every record up to the end offsets as they are now.
	 */
	private long readToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
			Projection projection, String target) {
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		long applied = 0;
		while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("Rebuild interrupted");
			}
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			// a record the live listener dead-letters because it cannot be decoded, the
			// rebuild skips; a write that fails abandons the rebuild, and the old view
			// keeps serving
			applied += this.projections.applyTo(projection, target, records,
					(record, reason) -> logger.warn("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(),
							record.offset(), reason.getMessage()));
		}
		return applied;
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
