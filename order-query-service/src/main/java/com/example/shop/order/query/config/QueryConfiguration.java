package com.example.shop.order.query.config;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.TopicDeclarations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The query side's settings and the dead-letter topics of what it consumes (each consumer
 * of a topic declares them; creating a topic that exists changes nothing).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QueryProperties.class)
class QueryConfiguration {

	/**
	 * MongoDB commands as spans of the request that runs them (Spring Data's observation
	 * of the driver's commands).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer mongoCommandObservation(ObservationRegistry observations) {
		return (settings) -> settings.contextProvider(ContextProviderFactory.create(observations))
			.addCommandListener(new MongoObservationCommandListener(observations));
	}

	/**
	 * Without MongoDB a request fails within seconds, as 503 problem details, as a
	 * PostgreSQL service's does when its connection pool gives up: the driver's default
	 * waits 30 s for a server (10 s to connect) before it says so. A MongoDB that stops
	 * answering on an open connection (a network partition, a stalled host) fails an
	 * operation after 30 s, as the PostgreSQL services' {@code socketTimeout} does, where
	 * the driver's default waits for good. These settings replace
	 * {@code serverSelectionTimeoutMS}, {@code connectTimeoutMS} and
	 * {@code socketTimeoutMS} given in the URI.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer mongoFailsFast() {
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS));
	}

	@Bean
	KafkaAdmin.NewTopics queryTopics() {
		return TopicDeclarations.of(3, List.of(),
				List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS));
	}

}
