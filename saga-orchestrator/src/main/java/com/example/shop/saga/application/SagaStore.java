package com.example.shop.saga.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;

/**
 * Where sagas are kept. The {@code lock} methods hold the saga's row until the
 * transaction ends, so that a reply, a deadline and a retry never act on the same saga at
 * once, on one instance or several.
 */
public interface SagaStore {

	/**
	 * Stores a new saga.
	 * @return {@code false}, storing nothing, when the order has a saga already
	 */
	boolean insert(OrderFulfillmentSaga saga);

	/**
	 * Stores a changed saga at its next version.
	 * @throws org.springframework.dao.OptimisticLockingFailureException when it was
	 * changed since it was loaded
	 */
	void update(OrderFulfillmentSaga saga);

	Optional<OrderFulfillmentSaga> lockByOrder(OrderId orderId);

	/**
	 * Locks the sagas of these orders with one query, in order id order, for the
	 * {@link #lockByOrder} calls that follow in the current transaction: each of those
	 * then takes its saga from memory, once (a second call for the same order reads it
	 * again). Outside a transaction it does nothing.
	 */
	void lockByOrders(Collection<OrderId> orderIds);

	Optional<OrderFulfillmentSaga> lock(SagaId id);

	/**
	 * Locks up to {@code limit} sagas whose deadline has passed, skipping those another
	 * transaction holds.
	 */
	List<OrderFulfillmentSaga> lockDue(Instant now, int limit);

	Optional<OrderFulfillmentSaga.Snapshot> find(SagaId id);

	/**
	 * Sagas newest first, filtered by order and state when those are given.
	 */
	List<OrderFulfillmentSaga.Snapshot> search(OrderId orderId, SagaState state, int page, int size);

	long count(OrderId orderId, SagaState state);

	/**
	 * Sagas that need an operator: those in {@code COMPENSATION_FAILED} first, then those
	 * still moving whose deadline passed before {@code overdueBefore}, longest overdue
	 * first.
	 */
	List<OrderFulfillmentSaga.Snapshot> stuck(Instant overdueBefore, int limit);

	/**
	 * How many sagas {@link #stuck} would list without a limit.
	 */
	long countStuck(Instant overdueBefore);

	/**
	 * How many sagas are in each non-final state, and the age of the oldest.
	 */
	List<Active> active(Instant now);

	record Active(SagaState state, long count, Duration oldest) {

	}

}
