package com.example.shop.platform.eventing;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAwareBackOffTest {

	private static final Exception UNREACHABLE = new ListenerExecutionFailedException("listener failed",
			new BatchListenerFailedException("record failed",
					new CannotCreateTransactionException("no connection", new IllegalStateException("refused")), 0));

	private static final Exception POISON = new ListenerExecutionFailedException("listener failed",
			new BatchListenerFailedException("record failed", new IllegalStateException("refused"), 0));

	private static final Exception READ_ONLY = new ListenerExecutionFailedException("listener failed",
			new BatchListenerFailedException("record failed", new UncategorizedSQLException("insert", "INSERT",
					new SQLException("cannot execute INSERT in a read-only transaction", "25006")), 0));

	private final AtomicBoolean reachable = new AtomicBoolean(true);

	private final StoreAwareBackOff backOff = new StoreAwareBackOff(500, 2, this.reachable::get);

	@Test
	void stopsAfterTheRetriesWhileTheStoreIsReachable() {
		BackOffExecution execution = this.backOff.start();

		assertThat(failed(execution, UNREACHABLE)).isEqualTo(500);
		assertThat(failed(execution, POISON)).isEqualTo(500);
		assertThat(failed(execution, UNREACHABLE)).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void countsNoFailureToReachTheStoreWhileItIsDownAndCountsAgainOnceItIsBack() {
		BackOffExecution execution = this.backOff.start();
		assertThat(failed(execution, POISON)).isEqualTo(500);

		this.reachable.set(false);
		for (int i = 0; i < 1_000; i++) {
			assertThat(failed(execution, UNREACHABLE)).isEqualTo(500);
		}

		this.reachable.set(true);
		assertThat(failed(execution, UNREACHABLE)).isEqualTo(500);
		assertThat(failed(execution, UNREACHABLE)).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void aRecordThatFailsOnItsOwnIsCountedEvenWhileTheStoreIsDown() {
		BackOffExecution execution = this.backOff.start();
		this.reachable.set(false);

		assertThat(failed(execution, POISON)).isEqualTo(500);
		assertThat(failed(execution, POISON)).isEqualTo(500);
		assertThat(failed(execution, POISON)).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void countsNoFailureOfADatabaseThatRefusesWritesEvenThoughItAnswersTheProbe() {
		BackOffExecution execution = this.backOff.start();

		for (int i = 0; i < 1_000; i++) {
			assertThat(failed(execution, READ_ONLY)).isEqualTo(500);
		}
		assertThat(failed(execution, POISON)).isEqualTo(500);
		assertThat(failed(execution, POISON)).isEqualTo(500);
		assertThat(failed(execution, POISON)).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void knowsTheFailuresOfAStoreThatCannotBeReached() {
		assertThat(StoreFailures.unreachable(UNREACHABLE)).isTrue();
		assertThat(StoreFailures
			.unreachable(new IllegalStateException("write failed", new DataAccessResourceFailureException("down"))))
			.isTrue();
		// a broken connection that a translator did not recognise as one
		assertThat(StoreFailures.unreachable(new UncategorizedSQLException("insert", "INSERT",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"))))
			.isTrue();
		assertThat(StoreFailures.unreachable(POISON)).isFalse();
	}

	@Test
	void knowsTheStatesOfADatabaseThatTakesNoWritesForNow() {
		assertThat(StoreFailures.refusingWrites(READ_ONLY)).isTrue();
		for (String state : new String[] { "53100", "53300", "57P01", "57P02", "57P03" }) {
			assertThat(StoreFailures.refusingWrites(new SQLException("refused", state))).as(state).isTrue();
		}
		// out of memory may be one statement's doing; a unique violation is the record's
		assertThat(StoreFailures.refusingWrites(new SQLException("refused", "53200"))).isFalse();
		assertThat(StoreFailures.refusingWrites(new SQLException("refused", "23505"))).isFalse();
		assertThat(StoreFailures.refusingWrites(POISON)).isFalse();
		assertThat(StoreFailures.refusingWrites(new SQLException("Connection is closed"))).isFalse();
	}

	/**
	 * A delivery failed with {@code failure}: the error handler's two calls, in order.
	 */
	private long failed(BackOffExecution execution, Exception failure) {
		this.backOff.failedDelivery((ConsumerRecord<?, ?>) null, failure, 0);
		return execution.nextBackOff();
	}

}
