package com.example.shop.order.query.config;

import com.mongodb.client.MongoClient;
import org.bson.Document;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Spring Boot's MongoDB health check, which sends {@code hello}, with a
 * {@code ping} to the {@code admin} database: a command that both MongoDB and the local
 * MongoDB wire server answer. Without an answer the check is DOWN, so that readiness
 * answers 503.
 */
@Configuration(proxyBeanMethods = false)
class MongoHealthConfiguration {

	@Bean
	HealthIndicator mongoHealthIndicator(MongoClient mongo) {
		return () -> {
			Document reply;
			try {
				reply = mongo.getDatabase("admin").runCommand(new Document("ping", 1));
			}
			catch (RuntimeException ex) {
				// no server within the client's server selection timeout: DOWN, not an
				// error
				return Health.down(ex).build();
			}
			return (reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? Health.up().build()
					: Health.down().withDetail("reply", reply.toJson()).build();
		};
	}

}
