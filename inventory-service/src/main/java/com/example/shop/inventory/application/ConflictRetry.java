package com.example.shop.inventory.application;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a whole unit of work again when a concurrent writer got there first: its
 * transaction rolled back entirely, so it reloads and decides again on fresh state. After
 * {@code attempts} the conflict propagates (to the web layer's 409, or to the listener's
 * error handler). A short random pause between attempts keeps competing writers from
 * colliding again in lockstep.
 */
public final class ConflictRetry {

	private static final Logger logger = LoggerFactory.getLogger(ConflictRetry.class);

	private final int attempts;

	/**
	 * @param attempts how many times the work runs at most, at least 1
	 */
	public ConflictRetry(int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		this.attempts = attempts;
	}

	public <T> T run(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (OptimisticConcurrencyException | PessimisticLockingFailureException ex) {
				if (attempt >= this.attempts) {
					throw ex;
				}
				logger.debug("Attempt {} of {} lost a race, running it again: {}", attempt, this.attempts,
						ex.getMessage());
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while retrying after a conflict", ex);
		}
	}

}
