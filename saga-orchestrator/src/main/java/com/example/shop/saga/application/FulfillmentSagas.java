package com.example.shop.saga.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import com.example.shop.platform.eventing.AfterCommit;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.saga.domain.OrderDetails;
import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaCommand;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaReply;
import com.example.shop.saga.domain.StepPolicy;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Moves sagas. Each method is one local transaction: the saga's row locked, the saga's
 * decision stored, and its commands written to the outbox, so that a command is sent if
 * and only if the state that expects its reply is stored. Called from an inbox
 * transaction, it joins that one, so the reply is also marked processed in it.
 */
public class FulfillmentSagas {

	private final SagaStore store;

	private final SagaCommandDispatch dispatch;

	private final Outbox outbox;

	private final TransactionOperations transactions;

	private final StepPolicy.Policies policies;

	private final SagaMetrics metrics;

	private final Clock clock;

	public FulfillmentSagas(SagaStore store, SagaCommandDispatch dispatch, Outbox outbox,
			TransactionOperations transactions, StepPolicy.Policies policies, SagaMetrics metrics, Clock clock) {
		this.store = store;
		this.dispatch = dispatch;
		this.outbox = outbox;
		this.transactions = transactions;
		this.policies = policies;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Starts the saga of a placed order; a repeated start is a no-op.
	 * @return whether a saga was started
	 */
	public boolean start(OrderId orderId, OrderDetails order, EventMetadata cause) {
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			OrderFulfillmentSaga saga = OrderFulfillmentSaga.start(SagaId.newId(), orderId, order,
					cause.correlationId(), cause.traceparent(), now);
			List<SagaCommand> commands = saga.begin(now, this.policies);
			if (!this.store.insert(saga)) {
				return false;
			}
			send(saga, commands, cause);
			AfterCommit.run(this.metrics::started);
			return true;
		}));
	}

	/**
	 * Locks the sagas of these orders with one query for the replies about to be handled
	 * in the caller's transaction ({@link SagaStore#lockByOrders}).
	 */
	public void lockAll(Collection<OrderId> orderIds) {
		this.store.lockByOrders(orderIds);
	}

	/**
	 * Lets the order's saga decide on a reply.
	 * @throws SagaNotFoundException when the order has no saga
	 */
	public void handle(OrderId orderId, SagaReply reply, EventMetadata cause) {
		this.transactions.executeWithoutResult((status) -> {
			OrderFulfillmentSaga saga = this.store.lockByOrder(orderId)
				.orElseThrow(() -> new SagaNotFoundException("order " + orderId));
			move(saga, cause, reply.name(), (now) -> saga.handle(reply, now, this.policies));
		});
	}

	/**
	 * Acts on up to {@code limit} passed deadlines.
	 * @return how many sagas had one
	 */
	public int expireDeadlines(int limit) {
		Integer expired = this.transactions.execute((status) -> {
			List<OrderFulfillmentSaga> due = this.store.lockDue(this.clock.instant(), limit);
			for (OrderFulfillmentSaga saga : due) {
				move(saga, ownCause(saga), "deadline", (now) -> saga.deadlinePassed(now, this.policies));
			}
			return due.size();
		});
		return (expired != null) ? expired : 0;
	}

	/**
	 * Resumes a saga parked in {@code COMPENSATION_FAILED}.
	 * @throws SagaNotFoundException when there is no such saga
	 * @throws com.example.shop.saga.domain.SagaStateException when it is not parked
	 */
	public OrderFulfillmentSaga.Snapshot retry(SagaId id) {
		return this.transactions.execute((status) -> {
			OrderFulfillmentSaga saga = this.store.lock(id).orElseThrow(() -> new SagaNotFoundException("id " + id));
			move(saga, ownCause(saga), "retry", (now) -> saga.retry(now, this.policies));
			return saga.snapshot();
		});
	}

	private void move(OrderFulfillmentSaga saga, EventMetadata cause, String trigger, Decision decision) {
		OrderFulfillmentSaga.Snapshot before = saga.snapshot();
		Instant now = this.clock.instant();
		List<SagaCommand> commands = decision.decide(now);
		this.store.update(saga);
		send(saga, commands, cause);
		OrderFulfillmentSaga.Snapshot after = saga.snapshot();
		AfterCommit.run(() -> this.metrics.moved(before, after, trigger, now));
	}

	private void send(OrderFulfillmentSaga saga, List<SagaCommand> commands, EventMetadata cause) {
		EventMetadata metadata = new EventMetadata(saga.correlationId(), cause.causationId(), cause.principal(),
				cause.traceparent());
		this.outbox.add(this.dispatch.messages(commands, metadata));
	}

	/**
	 * What the saga sends of its own accord (a deadline, a retry) is caused by the saga,
	 * in the trace in which it started.
	 */
	private static EventMetadata ownCause(OrderFulfillmentSaga saga) {
		return new EventMetadata(saga.correlationId(), saga.id().toString(), "saga-orchestrator", saga.traceparent());
	}

	@FunctionalInterface
	private interface Decision {

		List<SagaCommand> decide(Instant now);

	}

}
