package com.example.shop.saga.domain;

import java.time.Duration;

/**
 * How long the saga waits for a step's reply and how often it asks again before it gives
 * up. Attempt {@code n} waits {@code timeout * backoffMultiplier^(n-1)}.
 *
 * @param timeout how long the first attempt waits
 * @param attempts how many times the command is sent, at least one
 * @param backoffMultiplier how much longer each further attempt waits, at least one
 */
public record StepPolicy(Duration timeout, int attempts, double backoffMultiplier) {

	public StepPolicy {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("A step timeout must be positive, not " + timeout);
		}
		if (attempts < 1) {
			throw new IllegalArgumentException("A step needs at least one attempt, not " + attempts);
		}
		if (backoffMultiplier < 1) {
			throw new IllegalArgumentException("The back-off multiplier must be at least 1, not " + backoffMultiplier);
		}
	}

	/**
	 * How long attempt {@code attempt} (from 1) waits for its reply.
	 */
	public Duration wait(int attempt) {
		return Duration.ofMillis(Math.round(this.timeout.toMillis() * Math.pow(this.backoffMultiplier, attempt - 1)));
	}

	/**
	 * The policy of each step.
	 */
	@FunctionalInterface
	public interface Policies {

		StepPolicy of(Step step);

	}

}
