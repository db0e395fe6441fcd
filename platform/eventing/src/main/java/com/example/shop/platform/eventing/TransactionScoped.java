package com.example.shop.platform.eventing;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction collects to write just before it commits (the event store's
 * events, the outbox's messages), found again by its owner for as long as the transaction
 * runs: bound to the transaction at the first use, set aside while a transaction started
 * meanwhile ({@code REQUIRES_NEW}) runs, and dropped when the transaction completes,
 * committed or not. A subclass writes in {@link #beforeCommit(boolean)}.
 */
public abstract class TransactionScoped implements TransactionSynchronization {

	private final Object owner;

	protected TransactionScoped(Object owner) {
		this.owner = owner;
	}

	/**
	 * The current transaction's, made by {@code create} at the owner's first call in it.
	 * Needs an active transaction synchronization.
	 */
	public static <T extends TransactionScoped> T current(Object owner, Supplier<T> create) {
		T scoped = find(owner);
		if (scoped == null) {
			scoped = create.get();
			TransactionSynchronizationManager.bindResource(owner, scoped);
			TransactionSynchronizationManager.registerSynchronization(scoped);
		}
		return scoped;
	}

	/**
	 * The current transaction's, or {@code null} when the owner has none in it.
	 */
	@SuppressWarnings("unchecked")
	public static <T extends TransactionScoped> T find(Object owner) {
		return (T) TransactionSynchronizationManager.getResource(owner);
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(this.owner);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(this.owner, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this.owner);
	}

}
