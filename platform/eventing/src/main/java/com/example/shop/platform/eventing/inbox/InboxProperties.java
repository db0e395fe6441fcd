package com.example.shop.platform.eventing.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of idempotent consumers, under {@code shop.eventing.inbox}.
 *
 * @param attempts deliveries of a failing record before it goes to its dead-letter topic
 * @param backOff pause between two deliveries of a failing record
 * @param retention how long processed message ids are kept; must exceed the longest
 * redelivery window (Kafka's retention of the consumed topics)
 * @param purgeInterval how often ids older than the retention are deleted
 */
@ConfigurationProperties("shop.eventing.inbox")
public record InboxProperties(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backOff,
		@DefaultValue("14d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {

}
