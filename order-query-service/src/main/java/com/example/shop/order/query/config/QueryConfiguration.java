package com.example.shop.order.query.config;

import com.example.shop.contracts.Topics;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.kafka.config.TopicBuilder;

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

	@Bean
	NewTopic ordersEventsDeadLetters() {
		return TopicBuilder.name(Topics.deadLetter(Topics.ORDERS_EVENTS)).partitions(3).build();
	}

	@Bean
	NewTopic paymentsEventsDeadLetters() {
		return TopicBuilder.name(Topics.deadLetter(Topics.PAYMENTS_EVENTS)).partitions(3).build();
	}

	@Bean
	NewTopic inventoryEventsDeadLetters() {
		return TopicBuilder.name(Topics.deadLetter(Topics.INVENTORY_EVENTS)).partitions(3).build();
	}

}
