package com.example.shop.platform.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A test's hands on the broker: publishes messages as the services do, and reads topics
 * from their start with a consumer of its own, in a group of its own. Every wait ends on
 * a fact (a record seen, a topic read to its end offsets, a group's committed offsets
 * past them) or fails after {@link #TIMEOUT}, saying what it waited for.
 */
public final class TopicProbe {

	/** How long a wait lasts before it fails. */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaTemplate<String, String> kafka;

	private final ConsumerFactory<String, byte[]> consumers;

	public TopicProbe(KafkaTemplate<String, String> kafka, ConsumerFactory<String, byte[]> consumers) {
		this.kafka = kafka;
		this.consumers = consumers;
	}

	/**
	 * Publishes a message as a service does, keyed, with its type in {@code ce_type}, an
	 * id in {@code ce_id} (a new one unless {@code headers} holds one) and the other
	 * headers given ({@code ce_source}, {@code correlation_id}, ...), and waits until the
	 * broker has it.
	 * @return its {@code ce_id}
	 */
	public String publish(String topic, String key, String type, String payload, Map<String, String> headers)
			throws Exception {
		String id = headers.getOrDefault("ce_id", UUID.randomUUID().toString());
		ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
		record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
		headers.forEach((name, value) -> {
			if (!name.equals("ce_id")) {
				record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
			}
		});
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
		return id;
	}

	/**
	 * The first record of the topic, from its start, that matches.
	 * @throws AssertionError when none has within {@link #TIMEOUT}
	 */
	public ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
		try (Consumer<String, byte[]> consumer = fromStart()) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(TIMEOUT);
			int seen = 0;
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					seen++;
					if (match.test(record)) {
						return record;
					}
				}
			}
			throw new AssertionError("No matching record on " + topic + " within " + TIMEOUT + " among " + seen);
		}
	}

	/**
	 * Why the record with this message id ({@code ce_id}) was dead-lettered: the
	 * exception message that the error handler put on its dead letter, once it is on
	 * {@code deadLetterTopic}.
	 * @throws AssertionError when it is not within {@link #TIMEOUT}
	 */
	public String deadLetterReason(String deadLetterTopic, String messageId) {
		ConsumerRecord<String, byte[]> letter = await(deadLetterTopic,
				(record) -> messageId.equals(header(record, "ce_id")));
		return header(letter, "kafka_dlt-exception-message");
	}

	/**
	 * The records of the topic, from its start, that match, once {@code count} have or
	 * {@link #TIMEOUT} has passed; then one poll more, so that a record beyond the count
	 * shows too. The caller asserts how many it expected.
	 */
	public List<ConsumerRecord<String, byte[]>> collect(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
			int count) {
		List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = fromStart()) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (matching.size() < count && Instant.now().isBefore(deadline)) {
				add(consumer.poll(POLL), match, matching);
			}
			add(consumer.poll(Duration.ofMillis(500)), match, matching);
		}
		return matching;
	}

	/**
	 * Every record of the topic that matches, in order per partition: the topic read from
	 * its start to its end offsets as they are at the call.
	 */
	public List<ConsumerRecord<String, byte[]>> readToEnd(String topic,
			Predicate<ConsumerRecord<String, byte[]>> match) {
		List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = fromStart()) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (Instant.now().isAfter(deadline)) {
					throw new AssertionError("Could not read " + topic + " to its end within " + TIMEOUT);
				}
				add(consumer.poll(POLL), match, matching);
			}
		}
		return matching;
	}

	/**
	 * Waits until the consumer group has committed offsets past every record of the topic
	 * published before the call: whatever it does with them is done.
	 */
	public void awaitConsumed(String group, String topic) throws InterruptedException {
		try (Consumer<String, byte[]> observer = this.consumers.createConsumer(group, "-probe")) {
			List<TopicPartition> partitions = partitions(observer, topic);
			Map<TopicPartition, Long> ends = observer.endOffsets(partitions);
			Instant deadline = Instant.now().plus(TIMEOUT);
			while (!ends.entrySet().stream().allMatch((end) -> committed(observer, end.getKey()) >= end.getValue())) {
				if (Instant.now().isAfter(deadline)) {
					throw new AssertionError(group + " did not consume " + topic + " within " + TIMEOUT);
				}
				Thread.sleep(100);
			}
		}
	}

	private Consumer<String, byte[]> fromStart() {
		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return this.consumers.createConsumer("probe-" + UUID.randomUUID(), null, null, fromStart);
	}

	private static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic) {
		return consumer.partitionsFor(topic)
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
	}

	private static long committed(Consumer<?, ?> group, TopicPartition partition) {
		OffsetAndMetadata committed = group.committed(Set.of(partition)).get(partition);
		return (committed != null) ? committed.offset() : 0;
	}

	private static void add(Iterable<ConsumerRecord<String, byte[]>> records,
			Predicate<ConsumerRecord<String, byte[]>> match, List<ConsumerRecord<String, byte[]>> matching) {
		for (ConsumerRecord<String, byte[]> record : records) {
			if (match.test(record)) {
				matching.add(record);
			}
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
