package com.example.shop.platform.testsupport;

import org.springframework.core.env.PropertySource;

/**
 * Answers the Spring Boot connection properties from {@link TestInfrastructure}, starting
 * a store (or the issuer of tokens) only when the application under test asks for its
 * property: a service without MongoDB never starts one.
 */
final class InfrastructurePropertySource extends PropertySource<TestInfrastructure> {

	InfrastructurePropertySource(TestInfrastructure infrastructure) {
		super("testInfrastructure", infrastructure);
	}

	@Override
	public Object getProperty(String name) {
		return switch (name) {
			case "spring.datasource.url" -> this.source.postgres().jdbcUrl();
			case "spring.datasource.username" -> this.source.postgres().username();
			case "spring.datasource.password" -> this.source.postgres().password();
			case "spring.kafka.bootstrap-servers" -> this.source.kafkaBootstrapServers();
			case "spring.mongodb.uri" -> this.source.mongoUri();
			case "spring.security.oauth2.resourceserver.jwt.issuer-uri",
					"spring.security.oauth2.client.provider.shop.issuer-uri" ->
				this.source.issuerUri();
			default -> null;
		};
	}

}
