package com.example.shop.saga.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.saga.application.FulfillmentSagas;
import com.example.shop.saga.application.SagaCommandDispatch;
import com.example.shop.saga.application.SagaMetrics;
import com.example.shop.saga.application.SagaQueries;
import com.example.shop.saga.application.SagaStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaProperties.class)
@EnableScheduling
class SagaConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SagaMetrics sagaMetrics(MeterRegistry meters, SagaStore store, SagaProperties properties) {
		return new SagaMetrics(meters, store, properties.stuckAfter());
	}

	@Bean
	FulfillmentSagas fulfillmentSagas(SagaStore store, SagaCommandDispatch dispatch, Outbox outbox,
			TransactionTemplate transactions, SagaProperties properties, SagaMetrics metrics, Clock clock) {
		return new FulfillmentSagas(store, dispatch, outbox, transactions, properties.policies(), metrics, clock);
	}

	@Bean
	SagaQueries sagaQueries(SagaStore store, SagaProperties properties, Clock clock) {
		return new SagaQueries(store, properties.stuckAfter(), clock);
	}

	/**
	 * Expires deadlines in batches until none is due, then waits for the next poll;
	 * refreshes the active-saga gauges every few seconds.
	 */
	@Bean
	SchedulingConfigurer sagaSchedules(FulfillmentSagas sagas, SagaMetrics metrics, SagaProperties properties,
			Clock clock) {
		return (ScheduledTaskRegistrar registrar) -> {
			registrar.addFixedDelayTask(() -> {
				while (sagas.expireDeadlines(properties.deadlineBatchSize()) == properties.deadlineBatchSize()) {
					// a full batch: there may be more
				}
			}, properties.deadlinePollInterval());
			registrar.addFixedDelayTask(() -> metrics.refreshActive(clock.instant()), Duration.ofSeconds(5));
		};
	}

	@Bean
	KafkaAdmin.NewTopics sagaTopics(SagaProperties properties) {
		return TopicDeclarations.of(properties.topicPartitions(), List.of(),
				List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS));
	}

}
