package com.example.shop.platform.eventing.deadletter;

import com.example.shop.platform.eventing.EventingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Dead letters for operators, in every service that consumes topics and has a store for
 * decisions: PostgreSQL ({@link JdbcDispositions}, from
 * {@link EventingAutoConfiguration}) or MongoDB ({@link MongoDispositions}); over HTTP in
 * a web service.
 */
@AutoConfiguration(after = EventingAutoConfiguration.class)
public class DeadLettersAutoConfiguration {

	/**
	 * The dead letters, read from the dead-letter topics of what this service's listeners
	 * consume.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ Dispositions.class, KafkaListenerEndpointRegistry.class })
	static class DeadLettersConfiguration {

		@Bean
		DeadLetters deadLetters(KafkaProperties kafka, Dispositions dispositions,
				KafkaListenerEndpointRegistry listeners, MeterRegistry meters) {
			return new DeadLetters(kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
					() -> DeadLetters.consumedTopics(listeners), dispositions, meters);
		}

		/**
		 * Over HTTP, in a web service.
		 */
		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet",
				"com.example.shop.platform.web.security.Allow" })
		@Import(DeadLettersController.class)
		static class DeadLettersWebConfiguration {

		}

	}

}
