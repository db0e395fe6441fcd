package com.example.shop.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment-service, under {@code shop.payments}.
 *
 * @param topicPartitions partitions of the topics this service owns
 */
@ConfigurationProperties("shop.payments")
public record PaymentProperties(@DefaultValue("3") int topicPartitions) {

}
