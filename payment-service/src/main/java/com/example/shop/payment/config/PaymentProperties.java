package com.example.shop.payment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment-service, under {@code shop.payments}.
 *
 * @param topicPartitions partitions of the topics this service owns
 * @param conflictAttempts how often a deposit or a saga command is run at most when it
 * keeps losing races with other changes of the same account
 */
@ConfigurationProperties("shop.payments")
public record PaymentProperties(@DefaultValue("3") int topicPartitions, @DefaultValue("5") int conflictAttempts) {

}
