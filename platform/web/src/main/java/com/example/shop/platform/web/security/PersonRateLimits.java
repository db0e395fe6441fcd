package com.example.shop.platform.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per person (bucket4j): {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. At most {@link #MAX_PEOPLE} buckets are kept; when that many
 * exist they are all forgotten, which gives everybody a full bucket again rather than
 * letting memory grow with every name ever seen.
 */
final class PersonRateLimits {

	static final int MAX_PEOPLE = 100_000;

	private final BucketConfiguration configuration;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	PersonRateLimits(int requestsPerSecond, int burst) {
		if (requestsPerSecond < 1 || burst < 1) {
			throw new IllegalArgumentException("shop.web.rate-limit.requests-per-second and burst must be at least 1,"
					+ " not " + requestsPerSecond + " and " + burst);
		}
		this.configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
			.build();
	}

	/**
	 * Takes one request from the person's bucket.
	 * @return empty when the request may go on, otherwise how long until it could
	 */
	Optional<Duration> take(String person) {
		if (this.buckets.size() >= MAX_PEOPLE && !this.buckets.containsKey(person)) {
			this.buckets.clear();
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(person, (name) -> bucket())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private Bucket bucket() {
		return Bucket.builder().addLimit(this.configuration.getBandwidths()[0]).build();
	}

}
