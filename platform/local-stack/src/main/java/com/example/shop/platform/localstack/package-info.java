/**
 * Real local infrastructure without Docker: a single-node Apache Kafka broker in KRaft
 * mode and a MongoDB wire-protocol server, each a child JVM, and PostgreSQL, either a
 * reachable server or embedded PostgreSQL binaries.
 * {@link com.example.shop.platform.localstack.LocalStack} runs them with the services for
 * local development; the test harness in {@code platform/test-support} uses the same
 * classes for integration tests.
 */
package com.example.shop.platform.localstack;
