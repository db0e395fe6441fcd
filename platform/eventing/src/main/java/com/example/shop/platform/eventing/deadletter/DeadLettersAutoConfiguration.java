package com.example.shop.platform.eventing.deadletter;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
import org.springframework.kafka.listener.MessageListenerContainer;

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
					() -> consumedTopics(listeners), dispositions, meters);
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

		/**
		 * Each topic a listener of this service consumes, with the groups that consume
		 * it.
		 */
		private static Map<String, Set<String>> consumedTopics(KafkaListenerEndpointRegistry listeners) {
			Map<String, Set<String>> topics = new HashMap<>();
			for (MessageListenerContainer container : listeners.getListenerContainers()) {
				String[] names = container.getContainerProperties().getTopics();
				String group = container.getGroupId();
				if (names != null && group != null) {
					for (String topic : names) {
						topics.computeIfAbsent(topic, (key) -> new TreeSet<>()).add(group);
					}
				}
			}
			return topics;
		}

	}

}
