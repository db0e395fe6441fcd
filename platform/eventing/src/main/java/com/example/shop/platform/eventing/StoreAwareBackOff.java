package com.example.shop.platform.eventing;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A fixed pause between deliveries of a failing record, and a limit on how many of them
 * fail before the record is dead-lettered, that does not count a delivery which failed to
 * reach the database while the database does not answer. A record is poison when it fails
 * on its own; during an outage every record fails, and none of them is to blame, so they
 * are delivered again, at the same pace, until the database is back. Both must hold for a
 * delivery not to count: its failure was a connection that could not be had or broke, and
 * the {@link StoreProbe} asked afterwards finds the database down. A record that fails
 * otherwise (a poison record during an outage, or a database that answers but refuses
 * writes) is counted as always.
 * <p>
 * It is also the error handler's {@link RetryListener}, which tells it, on the consumer's
 * thread and just before it is asked for the next pause, why the delivery failed.
 */
final class StoreAwareBackOff implements BackOff, RetryListener {

	/**
	 * The MongoDB driver's failures to reach a server, by name: the driver is not on
	 * every service's class path. Spring Data translates them for {@code MongoTemplate},
	 * not for the collections a service drives itself.
	 */
	private static final Set<String> MONGO_UNREACHABLE = Set.of("com.mongodb.MongoTimeoutException",
			"com.mongodb.MongoSocketException");

	private final long intervalMillis;

	private final long retries;

	private final StoreProbe store;

	private final ThreadLocal<Boolean> lastFailedToReachTheStore = ThreadLocal.withInitial(() -> false);

	/**
	 * @param retries failed deliveries after the first before the record is
	 * dead-lettered, not counting those that failed to reach the database while it was
	 * down
	 */
	StoreAwareBackOff(long intervalMillis, long retries, StoreProbe store) {
		this.intervalMillis = intervalMillis;
		this.retries = retries;
		this.store = store;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		this.lastFailedToReachTheStore.set(failedToReachTheStore(failure));
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long counted;

			@Override
			public long nextBackOff() {
				if (StoreAwareBackOff.this.lastFailedToReachTheStore.get()
						&& !StoreAwareBackOff.this.store.reachable()) {
					return StoreAwareBackOff.this.intervalMillis;
				}
				return (this.counted++ < StoreAwareBackOff.this.retries) ? StoreAwareBackOff.this.intervalMillis : STOP;
			}

		};
	}

	/**
	 * Whether the failure, or one of its causes, is a connection to the database that
	 * could not be had or broke, or a transaction that could not be ended on one.
	 */
	static boolean failedToReachTheStore(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException
					|| ex instanceof TransactionSystemException) {
				return true;
			}
			for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
				if (MONGO_UNREACHABLE.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
