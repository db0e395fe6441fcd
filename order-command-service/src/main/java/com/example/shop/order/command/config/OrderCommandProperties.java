package com.example.shop.order.command.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the command side, under {@code shop.orders}.
 *
 * @param queryBaseUrl where clients read orders: the base of the {@code Location} of a
 * placed order
 * @param topicPartitions partitions of the topics this service owns
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} of
 * {@code POST /orders} is remembered at least (it is deleted within the hour after): a
 * retry within it returns the order the key placed, a retry after it places a new order,
 * so it must exceed the longest time a client keeps retrying
 */
@ConfigurationProperties("shop.orders")
public record OrderCommandProperties(@DefaultValue("http://127.0.0.1:8082") String queryBaseUrl,
		@DefaultValue("3") int topicPartitions, @DefaultValue("24h") Duration idempotencyKeyRetention) {

}
