package com.example.shop.benchmarks.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.Topics;
import com.example.shop.contracts.OrderCancelled;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderRejected;
import com.example.shop.platform.eventing.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each order became terminal, read from {@code orders.events} without asking any
 * service: a consumer of its own (assigned every partition, no consumer group, nothing
 * committed) that starts at the end of the topic and keeps, per order id, the first
 * {@code OrderConfirmed}, {@code OrderRejected} or {@code OrderCancelled} and the time
 * the order-command-service's relay published it (the record's timestamp).
 */
final class TerminalEvents implements AutoCloseable {

	static final Set<String> TERMINAL_TYPES = Set.of(MessageTypes.of(OrderConfirmed.class).name(),
			MessageTypes.of(OrderRejected.class).name(), MessageTypes.of(OrderCancelled.class).name());

	private final Map<String, Terminal> byOrder = new ConcurrentHashMap<>();

	private final CountDownLatch positioned = new CountDownLatch(1);

	private final Thread poller;

	private volatile boolean running = true;

	private volatile RuntimeException failure;

	private TerminalEvents(String bootstrapServers) {
		this.poller = Thread.ofPlatform().name("terminal-events").daemon().unstarted(() -> poll(bootstrapServers));
	}

	/**
	 * Starts reading at the current end of {@code orders.events}; returns once the
	 * consumer holds its positions, so no terminal event of an order placed afterwards is
	 * missed.
	 */
	static TerminalEvents fromNow(String bootstrapServers) {
		TerminalEvents events = new TerminalEvents(bootstrapServers);
		events.poller.start();
		try {
			if (!events.positioned.await(60, TimeUnit.SECONDS)) {
				events.close();
				throw new IllegalStateException("No position on " + Topics.ORDERS_EVENTS + " at " + bootstrapServers
						+ " within 60 s: is the stack up?");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		if (events.failure != null) {
			throw events.failure;
		}
		return events;
	}

	private void poll(String bootstrapServers) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.CLIENT_ID_CONFIG, "end-to-end-benchmark", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS_EVENTS, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalStateException("Topic " + Topics.ORDERS_EVENTS + " has no partitions");
			}
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			this.positioned.countDown();
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
					if (record.key() != null && type != null) {
						String name = new String(type.value(), StandardCharsets.UTF_8);
						if (TERMINAL_TYPES.contains(name)) {
							this.byOrder.putIfAbsent(record.key(), new Terminal(name, record.timestamp()));
						}
					}
				}
			}
		}
		catch (RuntimeException ex) {
			this.failure = ex;
			this.positioned.countDown();
		}
	}

	/**
	 * The order's terminal event, {@code null} while none has been seen.
	 */
	Terminal of(String orderId) {
		if (this.failure != null) {
			throw new IllegalStateException("Reading " + Topics.ORDERS_EVENTS + " failed", this.failure);
		}
		return this.byOrder.get(orderId);
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.poller.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @param type {@code OrderConfirmed}, {@code OrderRejected} or {@code OrderCancelled}
	 * @param publishedAtMillis the record's timestamp: when the relay published it
	 */
	record Terminal(String type, long publishedAtMillis) {
	}

}
