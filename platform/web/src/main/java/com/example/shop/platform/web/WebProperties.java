package com.example.shop.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings every service shares.
 *
 * @param maxRequestBytes the largest request body accepted; larger ones are answered 413
 * @param admission how many commands run at once, see {@link AdmissionControlFilter}
 * @param rateLimit how many requests each person may send
 */
@ConfigurationProperties("shop.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestBytes, @DefaultValue Admission admission,
		@DefaultValue RateLimit rateLimit) {

	/**
	 * @param maxConcurrentCommands commands that run at once; low enough that under
	 * overload most of the web server's threads are free to answer the excess 503 at once
	 * @param maxWaitingCommands commands that may wait for a free slot at once; any more
	 * are answered 503 at once
	 * @param maxWait how long a command waits for a free slot before it is answered 503
	 * @param retryAfter the {@code Retry-After} of that answer
	 */
	public record Admission(@DefaultValue("32") int maxConcurrentCommands, @DefaultValue("32") int maxWaitingCommands,
			@DefaultValue("50ms") Duration maxWait, @DefaultValue("1s") Duration retryAfter) {

	}

	/**
	 * The abuse limit of the public API: each person (a token with a {@code roles} claim)
	 * may send {@code burst} requests at once and {@code requestsPerSecond} after that,
	 * to each instance; beyond it, 429 with {@code Retry-After}. Machine clients are
	 * integrations the operator registered, and are not limited here.
	 *
	 * @param requestsPerSecond the sustained rate
	 * @param burst how many may come at once
	 */
	public record RateLimit(@DefaultValue("20") int requestsPerSecond, @DefaultValue("40") int burst) {

	}

}
