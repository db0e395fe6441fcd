package com.example.shop.saga.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;

/**
 * Reads sagas for people: one by id, a page of them, or those that are stuck.
 */
public class SagaQueries {

	/** The most stuck sagas one answer lists. */
	public static final int STUCK_LIMIT = 100;

	private final SagaStore store;

	private final Duration stuckAfter;

	private final Clock clock;

	/**
	 * @param stuckAfter how long past its deadline a saga that is still moving counts as
	 * stuck: the deadline poller takes a due saga within a poll interval, so one this far
	 * past is not being moved
	 */
	public SagaQueries(SagaStore store, Duration stuckAfter, Clock clock) {
		this.store = store;
		this.stuckAfter = stuckAfter;
		this.clock = clock;
	}

	/**
	 * The sagas an operator must look at, at most {@link #STUCK_LIMIT}: those in
	 * {@code COMPENSATION_FAILED} first, then those more than {@code stuckAfter} past
	 * their deadline, longest overdue first.
	 */
	public Stuck stuck() {
		Instant overdueBefore = this.clock.instant().minus(this.stuckAfter);
		return new Stuck(this.store.stuck(overdueBefore, STUCK_LIMIT), this.store.countStuck(overdueBefore),
				this.stuckAfter);
	}

	/**
	 * @throws SagaNotFoundException when there is no such saga
	 */
	public OrderFulfillmentSaga.Snapshot get(SagaId id) {
		return this.store.find(id).orElseThrow(() -> new SagaNotFoundException("id " + id));
	}

	public Page search(OrderId orderId, SagaState state, int page, int size) {
		return new Page(this.store.search(orderId, state, page, size), page, size, this.store.count(orderId, state));
	}

	public record Page(List<OrderFulfillmentSaga.Snapshot> sagas, int page, int size, long total) {

	}

	public record Stuck(List<OrderFulfillmentSaga.Snapshot> sagas, long total, Duration stuckAfter) {

	}

}
