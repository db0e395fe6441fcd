package com.example.shop.payment.application;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;

/**
 * Runs a whole unit of work again when it lost a race on an account's stream: a deposit
 * and a charge of the same account at the same time. Each attempt must start its own
 * transaction, since the one that conflicted has rolled back. Between attempts it pauses
 * a few random milliseconds, longer each time, so that writers that keep colliding drift
 * apart.
 */
public final class ConflictRetry {

	private final int attempts;

	/**
	 * @param attempts how often to run the work at most, at least 1
	 */
	public ConflictRetry(int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		this.attempts = attempts;
	}

	/**
	 * @throws OptimisticConcurrencyException when the last attempt conflicted too
	 */
	public <T> T run(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticConcurrencyException ex) {
				if (attempt >= this.attempts) {
					throw ex;
				}
				pause(attempt, ex);
			}
		}
	}

	private static void pause(int attempt, OptimisticConcurrencyException conflict) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw conflict;
		}
	}

}
