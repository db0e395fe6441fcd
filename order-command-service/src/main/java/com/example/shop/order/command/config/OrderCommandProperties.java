package com.example.shop.order.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the command side, under {@code shop.orders}.
 *
 * @param queryBaseUrl where clients read orders: the base of the {@code Location} of a
 * placed order
 * @param topicPartitions partitions of the topics this service owns
 */
@ConfigurationProperties("shop.orders")
public record OrderCommandProperties(@DefaultValue("http://127.0.0.1:8082") String queryBaseUrl,
		@DefaultValue("3") int topicPartitions) {

}
