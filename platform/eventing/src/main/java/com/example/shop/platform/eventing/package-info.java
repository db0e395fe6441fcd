/**
 * Kafka conventions every service shares, applied by Spring Boot auto-configuration:
 * today the Kafka readiness check behind {@code /readyz}; the event store, outbox and
 * inbox join it here.
 */
package com.example.shop.platform.eventing;
