/**
 * The transactional outbox: {@link com.example.shop.platform.eventing.outbox.Outbox}
 * writes messages in the transaction of the change they announce, and
 * {@link com.example.shop.platform.eventing.outbox.OutboxRelay} publishes them to Kafka,
 * one instance at a time, in the order they were written.
 */
package com.example.shop.platform.eventing.outbox;
