/**
 * Real infrastructure for integration tests.
 * {@link com.example.shop.platform.testsupport.TestInfrastructure} provides PostgreSQL,
 * Kafka and MongoDB once per test JVM, each from the first source that is there: the
 * environment ({@code SPRING_DATASOURCE_URL}, {@code SPRING_KAFKA_BOOTSTRAP_SERVERS},
 * {@code SPRING_MONGODB_URI}), Testcontainers when a Docker engine answers, else the real
 * local processes of {@code platform/local-stack}. A test annotated with
 * {@link com.example.shop.platform.testsupport.ServiceIntegrationTest} gets them as
 * Spring Boot properties.
 */
package com.example.shop.platform.testsupport;
