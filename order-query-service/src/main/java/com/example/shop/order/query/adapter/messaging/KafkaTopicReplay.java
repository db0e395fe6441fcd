package com.example.shop.order.query.adapter.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import com.example.shop.order.query.projection.TopicRecord;
import com.example.shop.order.query.projection.TopicReplay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Replays with a {@link KafkaConsumer} of their own, configured as the listeners' but in
 * no consumer group and committing nothing: it is assigned every partition of the topics
 * and starts at offset 0. Reading to the end reads until each partition's position has
 * reached the end offset taken at the call.
 */
@Component
class KafkaTopicReplay implements TopicReplay {

	private static final Duration POLL = Duration.ofMillis(200);

	private final KafkaProperties kafka;

	private final KafkaTopicRecords records;

	KafkaTopicReplay(KafkaProperties kafka, KafkaTopicRecords records) {
		this.kafka = kafka;
		this.records = records;
	}

	@Override
	public Reader fromStart(List<String> topics) {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		try {
			List<TopicPartition> partitions = topics.stream()
				.flatMap((topic) -> consumer.partitionsFor(topic).stream())
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			return new KafkaReader(consumer, partitions);
		}
		catch (RuntimeException ex) {
			consumer.close();
			throw ex;
		}
	}

	private final class KafkaReader implements Reader {

		private final KafkaConsumer<String, byte[]> consumer;

		private final List<TopicPartition> partitions;

		private KafkaReader(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
			this.consumer = consumer;
			this.partitions = partitions;
		}

		@Override
		public long readToEnd(ToLongFunction<List<TopicRecord>> poll) {
			Map<TopicPartition, Long> end = this.consumer.endOffsets(this.partitions);
			long total = 0;
			while (this.partitions.stream()
				.anyMatch((partition) -> this.consumer.position(partition) < end.get(partition))) {
				if (Thread.currentThread().isInterrupted()) {
					throw new IllegalStateException("Replay interrupted");
				}
				List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
				this.consumer.poll(POLL).forEach(batch::add);
				total += poll.applyAsLong(KafkaTopicReplay.this.records.of(batch));
			}
			return total;
		}

		@Override
		public void close() {
			this.consumer.close();
		}

	}

}
