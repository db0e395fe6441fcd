package com.example.shop.inventory.application;

import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConflictRetryTest {

	@Test
	void runsTheWorkAgainAfterAConflictUntilItSucceeds() {
		AtomicInteger runs = new AtomicInteger();

		String result = new ConflictRetry(3).run(() -> {
			if (runs.incrementAndGet() < 3) {
				throw new OptimisticConcurrencyException("product-SKU-1", 4, 5);
			}
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(runs).hasValue(3);
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		AtomicInteger runs = new AtomicInteger();

		assertThatThrownBy(() -> new ConflictRetry(4).run(() -> {
			runs.incrementAndGet();
			throw new OptimisticConcurrencyException("product-SKU-1", 4, 5);
		})).isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(runs).hasValue(4);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger runs = new AtomicInteger();

		assertThatThrownBy(() -> new ConflictRetry(4).run(() -> {
			runs.incrementAndGet();
			throw new IllegalStateException("broken");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(runs).hasValue(1);
	}

}
