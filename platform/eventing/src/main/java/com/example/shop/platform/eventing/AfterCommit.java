package com.example.shop.platform.eventing;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs what must follow a commit, such as counting an outcome in a metric, only once the
 * transaction it belongs to has committed. A transaction that rolls back (and may run
 * again, as a failed inbox poll does) counts nothing.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs {@code action} after the current transaction commits, or now when there is no
	 * transaction.
	 */
	public static void run(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
