package com.example.shop.platform.testsupport.wiring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record the service's own Kafka producer sends is received by a consumer made from its
 * own consumer configuration, on a topic created through its Kafka admin.
 */
public interface KafkaWiring {

	/**
	 * The record's value as text, whether the service deserializes values to strings or,
	 * as services that consume through the inbox do, to bytes.
	 */
	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	@Test
	default void recordIsProducedToAndConsumedFromKafka(@Autowired KafkaAdmin admin,
			@Autowired KafkaTemplate<Object, Object> template, @Autowired ConsumerFactory<Object, Object> consumers)
			throws Exception {
		String topic = "wiring-" + UUID.randomUUID();
		admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(1).replicas(1).build());
		String value = "sent at " + Instant.now();

		template.send(topic, "wiring-key", value).get(30, TimeUnit.SECONDS);

		Properties fromStart = new Properties();
		fromStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<Object, Object>> received = new ArrayList<>();
		try (Consumer<Object, Object> consumer = consumers.createConsumer("wiring-" + UUID.randomUUID(), null, null,
				fromStart)) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(30);
			while (received.isEmpty() && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
			}
		}
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("wiring-key");
			assertThat(text(record.value())).isEqualTo(value);
		});
	}

}
