package com.example.shop.platform.eventing.store;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		assertThatThrownBy(() -> new ConflictRetry(4).run(() -> {
			runs.incrementAndGet();
			return conflict();
		})).isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(runs).hasValue(4);
	}

	@Test
	void aChangedRowAndABrokenDeadlockAreConflictsToo() {
		String result = new ConflictRetry(3).run(() -> switch (runs.incrementAndGet()) {
			case 1 -> throw new OptimisticLockingFailureException("saga changed since it was loaded");
			case 2 -> throw new CannotAcquireLockException("deadlock detected");
			default -> "done";
		});

		assertThat(result).isEqualTo("done");
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

	@Test
	void anInterruptEndsTheRetriesWithTheConflict() {
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(() -> new ConflictRetry(5).run(() -> {
				runs.incrementAndGet();
				return conflict();
			})).isInstanceOf(OptimisticConcurrencyException.class);
			assertThat(runs).hasValue(1);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	private static String conflict() {
		throw new OptimisticConcurrencyException("account-C-000123", 1, 2);
	}

}
