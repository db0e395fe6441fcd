package com.example.shop.platform.eventing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAwareBackOffTest {

	@Test
	void stopsAfterTheRetriesWhileTheStoreIsReachable() {
		BackOffExecution execution = new StoreAwareBackOff(500, 2, () -> true).start();

		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void countsNoFailureWhileTheStoreIsDownAndCountsAgainOnceItIsBack() {
		AtomicBoolean reachable = new AtomicBoolean(true);
		BackOffExecution execution = new StoreAwareBackOff(500, 2, reachable::get).start();
		assertThat(execution.nextBackOff()).isEqualTo(500);

		reachable.set(false);
		for (int i = 0; i < 1_000; i++) {
			assertThat(execution.nextBackOff()).isEqualTo(500);
		}

		reachable.set(true);
		assertThat(execution.nextBackOff()).isEqualTo(500);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

}
