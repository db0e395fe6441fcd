/**
 * Kafka conventions every service shares, applied by Spring Boot auto-configuration: the
 * {@link com.example.shop.platform.eventing.MessageCodec} of the published language, the
 * CloudEvents headers, the Kafka readiness check behind {@code /readyz}, the consumer
 * error handling; the event store, outbox and inbox live in the subpackages.
 */
package com.example.shop.platform.eventing;
