package com.example.shop.platform.eventing.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, under {@code shop.eventing.outbox}.
 *
 * @param batchSize rows read and sent per round trip
 * @param pollInterval how long the leader waits for a commit of its own instance before
 * it looks anyway (and finds what other instances wrote)
 * @param leaderRetry how often a standby instance tries to take the lead
 * @param lockId the advisory lock that elects the publisher; distinct per service sharing
 * a database
 */
@ConfigurationProperties("shop.eventing.outbox")
public record OutboxProperties(@DefaultValue("500") int batchSize, @DefaultValue("100ms") Duration pollInterval,
		@DefaultValue("1s") Duration leaderRetry, @DefaultValue("7270001") long lockId,
		@DefaultValue("true") boolean relayEnabled) {

}
