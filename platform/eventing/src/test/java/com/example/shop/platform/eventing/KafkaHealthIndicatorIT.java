package com.example.shop.platform.eventing;

import java.time.Duration;
import java.util.Map;

import com.example.shop.platform.localstack.Ports;
import com.example.shop.platform.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the real broker: UP when it answers, DOWN within the timeout when
 * nothing listens.
 */
class KafkaHealthIndicatorIT {

	@Test
	void upWhenTheBrokerAnswers() {
		KafkaHealthIndicator indicator = indicator(TestInfrastructure.get().kafkaBootstrapServers());
		try {
			Health health = indicator.health(true);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
		}
		finally {
			indicator.destroy();
		}
	}

	@Test
	void downWhenNoBrokerListens() {
		KafkaHealthIndicator indicator = indicator("127.0.0.1:" + Ports.free());
		try {
			long start = System.nanoTime();
			Health health = indicator.health(true);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		}
		finally {
			indicator.destroy();
		}
	}

	private static KafkaHealthIndicator indicator(String bootstrapServers) {
		return new KafkaHealthIndicator(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				Duration.ofSeconds(2));
	}

}
