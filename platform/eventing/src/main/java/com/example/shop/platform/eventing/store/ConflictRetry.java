package com.example.shop.platform.eventing.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a whole unit of work again when a concurrent writer got there first: a stream
 * moved past the version it was loaded at ({@link OptimisticConcurrencyException}), a row
 * changed since it was read, or PostgreSQL broke a deadlock (Spring's
 * {@link ConcurrencyFailureException} family). The unit of work's transaction has rolled
 * back entirely, so each attempt must start its own: it reloads and decides again on
 * fresh state. After {@code attempts} the conflict propagates (to the web layer's 409, or
 * to the listener container's error handler).
 * <p>
 * Between attempts it pauses a few random milliseconds, longer each time, so that writers
 * that keep colliding drift apart. An interrupt during the pause ends the retries: the
 * thread's interrupt flag is set again and the conflict propagates.
 */
public final class ConflictRetry {

	private static final Logger logger = LoggerFactory.getLogger(ConflictRetry.class);

	private final int attempts;

	/**
	 * @param attempts how often the work runs at most, at least 1
	 */
	public ConflictRetry(int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		this.attempts = attempts;
	}

	/**
	 * Whether {@code failure} is a lost race that running the work again may win.
	 */
	public static boolean isConflict(Throwable failure) {
		return failure instanceof OptimisticConcurrencyException || failure instanceof ConcurrencyFailureException;
	}

	/**
	 * @throws RuntimeException the last attempt's conflict, or the first failure that is
	 * not a conflict
	 */
	public <T> T run(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (RuntimeException ex) {
				if (!isConflict(ex) || attempt >= this.attempts) {
					throw ex;
				}
				logger.debug("Attempt {} of {} lost a race, running it again: {}", attempt, this.attempts,
						ex.getMessage());
				pause(attempt, ex);
			}
		}
	}

	private static void pause(int attempt, RuntimeException conflict) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10) + 2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw conflict;
		}
	}

}
