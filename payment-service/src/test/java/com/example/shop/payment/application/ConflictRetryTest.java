package com.example.shop.payment.application;

import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Work that lost a race on a stream runs again, a bounded number of times.
 */
class ConflictRetryTest {

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void runsAgainUntilTheWorkNoLongerConflicts() {
		String result = new ConflictRetry(3).run(() -> (runs.incrementAndGet() < 3) ? conflict() : "done");

		assertThat(result).isEqualTo("done");
		assertThat(runs).hasValue(3);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThatThrownBy(() -> new ConflictRetry(3).run(() -> {
			runs.incrementAndGet();
			return conflict();
		})).isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(runs).hasValue(3);
	}

	@Test
	void otherFailuresAreNotRetried() {
		assertThatThrownBy(() -> new ConflictRetry(3).run(() -> {
			runs.incrementAndGet();
			throw new IllegalStateException("broken");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(runs).hasValue(1);
	}

	private static String conflict() {
		throw new OptimisticConcurrencyException("account-C-000123", 1, 2);
	}

}
