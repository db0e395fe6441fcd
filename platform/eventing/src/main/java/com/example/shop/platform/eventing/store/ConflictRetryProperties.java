package com.example.shop.platform.eventing.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one conflict-retry policy of a service, under {@code shop.eventing.conflict-retry}:
 * a unit of work that lost a race with a concurrent writer of its streams (a REST
 * command, or a consumed record run again alone) is reloaded and run again, up to this
 * many times in all, before the conflict is reported (409 on REST; the Kafka error
 * handler's retries and dead-letter topic for a record).
 *
 * @param attempts how many times a unit of work runs at most
 */
@ConfigurationProperties("shop.eventing.conflict-retry")
public record ConflictRetryProperties(@DefaultValue("5") int attempts) {

}
