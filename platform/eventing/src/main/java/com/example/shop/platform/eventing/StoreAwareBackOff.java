package com.example.shop.platform.eventing;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A fixed pause between deliveries of a failing record, and a limit on how many of them
 * fail before the record is dead-lettered, that counts only the deliveries that failed
 * while the database could be reached. A record is poison when it fails on its own; while
 * the database is down every record fails, and none of them is to blame, so they are
 * delivered again, at the same pace, until the database is back.
 */
final class StoreAwareBackOff implements BackOff {

	private final long intervalMillis;

	private final long retries;

	private final StoreProbe store;

	/**
	 * @param retries failed deliveries after the first before the record is
	 * dead-lettered, counting only those while the database could be reached
	 */
	StoreAwareBackOff(long intervalMillis, long retries, StoreProbe store) {
		this.intervalMillis = intervalMillis;
		this.retries = retries;
		this.store = store;
	}

	@Override
	public BackOffExecution start() {
		return new BackOffExecution() {

			private long counted;

			@Override
			public long nextBackOff() {
				if (!StoreAwareBackOff.this.store.reachable()) {
					return StoreAwareBackOff.this.intervalMillis;
				}
				return (this.counted++ < StoreAwareBackOff.this.retries) ? StoreAwareBackOff.this.intervalMillis : STOP;
			}

		};
	}

}
