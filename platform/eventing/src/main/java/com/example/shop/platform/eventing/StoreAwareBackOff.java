package com.example.shop.platform.eventing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A fixed pause between deliveries of a failing record, and a limit on how many of them
 * fail before the record is dead-lettered, that does not count a delivery which failed
 * because of the database rather than the record. A record is poison when it fails on its
 * own; during an outage every record fails, and none of them is to blame, so they are
 * delivered again, at the same pace, until the database is back. A delivery does not
 * count when:
 * <ul>
 * <li>its failure was a connection that could not be had or broke, and the
 * {@link StoreProbe} asked afterwards finds the database down; or</li>
 * <li>the database answered that it takes no writes for now (read-only during a failover,
 * out of disk space, shutting down: {@link StoreFailures#refusingWrites}), which no probe
 * that only reads would notice.</li>
 * </ul>
 * A record that fails otherwise, a poison record during an outage included, is counted as
 * always.
 * <p>
 * It is also the error handler's {@link RetryListener}, which tells it, on the consumer's
 * thread and just before it is asked for the next pause, why the delivery failed.
 */
final class StoreAwareBackOff implements BackOff, RetryListener {

	/** Why the last delivery on this thread failed. */
	private enum Blame {

		/** The record, as far as anyone can tell. */
		RECORD,

		/** A connection that could not be had or broke: the probe decides. */
		CONNECTION,

		/** The database, which said that it takes no writes for now. */
		DATABASE

	}

	private final long intervalMillis;

	private final long retries;

	private final StoreProbe store;

	private final ThreadLocal<Blame> lastFailure = ThreadLocal.withInitial(() -> Blame.RECORD);

	/**
	 * @param retries failed deliveries after the first before the record is
	 * dead-lettered, not counting those that failed because of the database
	 */
	StoreAwareBackOff(long intervalMillis, long retries, StoreProbe store) {
		this.intervalMillis = intervalMillis;
		this.retries = retries;
		this.store = store;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
		this.lastFailure.set(StoreFailures.refusingWrites(failure) ? Blame.DATABASE
				: StoreFailures.unreachable(failure) ? Blame.CONNECTION : Blame.RECORD);
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long counted;

			@Override
			public long nextBackOff() {
				Blame blame = StoreAwareBackOff.this.lastFailure.get();
				if (blame == Blame.DATABASE
						|| (blame == Blame.CONNECTION && !StoreAwareBackOff.this.store.reachable())) {
					return StoreAwareBackOff.this.intervalMillis;
				}
				return (this.counted++ < StoreAwareBackOff.this.retries) ? StoreAwareBackOff.this.intervalMillis : STOP;
			}

		};
	}

}
