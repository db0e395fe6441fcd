package com.example.shop.platform.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for what a system under test does on its own time (a consumer, a relay, a
 * projection): polls every 100 ms and fails the test, naming the wait, when it does not
 * come within the timeout. Decides nothing by sleeping.
 */
public final class Eventually {

	private static final Duration POLL = Duration.ofMillis(100);

	private Eventually() {
	}

	/** Waits until the condition holds. */
	public static void awaitTrue(Duration timeout, BooleanSupplier condition) {
		await(timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

	/**
	 * Waits until the condition holds, or the timeout has passed, and answers which: for
	 * a caller that then asserts what it expected, so that a failure shows the difference
	 * rather than a timeout.
	 */
	public static boolean holds(Duration timeout, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			pause();
		}
		return true;
	}

	/** Waits until {@code found} finds something, and answers it. */
	public static <T> T await(Duration timeout, Supplier<T> found) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			T value = found.get();
			if (value != null) {
				return value;
			}
			assertThat(Instant.now()).as("within %d s", timeout.toSeconds()).isBefore(deadline);
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting", ex);
		}
	}

}
