package com.example.shop.saga.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fulfils one order: charge the payment, reserve the stock, create the shipment, confirm
 * the order; and when a step fails, times out or the customer cancels, undo in reverse
 * what was done and reject or cancel the order.
 * <p>
 * Every method that moves the saga returns the commands to send; the caller stores the
 * saga and those commands in one transaction. Rules that keep it correct when messages
 * are late, repeated or lost:
 * <ul>
 * <li>Only a reply to the step the saga waits for moves it; any other reply is recorded
 * and, if it reports an effect the saga had given up on or been told had failed (a charge
 * after the payment step timed out, or a re-sent charge that succeeded after the first
 * one failed), that effect is undone at once.</li>
 * <li>A step that goes unanswered is sent again (participants answer a repeated command
 * with its first outcome); after the last attempt a forward step counts as failed and a
 * compensation or the order's final step parks the saga in
 * {@link SagaState#COMPENSATION_FAILED}, from where {@link #retry} resumes it.</li>
 * <li>Cancellation while a step is pending undoes that step too: its compensation travels
 * behind it on the same partition, so it covers it whatever it did.</li>
 * </ul>
 */
public final class OrderFulfillmentSaga {

	private final SagaId id;

	private final OrderId orderId;

	private final OrderDetails order;

	private final String correlationId;

	private final String traceparent;

	private final Instant startedAt;

	private final long version;

	private final Map<Effect, EffectStatus> effects;

	private final List<HistoryEntry> history;

	private SagaState state;

	private Step step;

	private int attempt;

	private Instant stepStartedAt;

	private Instant deadline;

	private boolean cancellationRequested;

	private String failureReason;

	private String trackingNumber;

	private Instant endedAt;

	private OrderFulfillmentSaga(SagaId id, OrderId orderId, OrderDetails order, String correlationId,
			String traceparent, Instant startedAt, long version, Map<Effect, EffectStatus> effects,
			List<HistoryEntry> history) {
		this.id = Objects.requireNonNull(id, "id");
		this.orderId = Objects.requireNonNull(orderId, "orderId");
		this.order = Objects.requireNonNull(order, "order");
		this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
		this.traceparent = traceparent;
		this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
		this.version = version;
		this.effects = new EnumMap<>(Effect.class);
		for (Effect effect : Effect.values()) {
			this.effects.put(effect, effects.getOrDefault(effect, EffectStatus.NOT_STARTED));
		}
		this.history = new ArrayList<>(history);
	}

	/**
	 * Starts the saga of a placed order.
	 * @param correlationId the id that ties together everything the order causes; every
	 * command the saga sends carries it
	 * @param traceparent the W3C trace context in which the saga started, or
	 * {@code null}: what it sends of its own accord (a deadline's retry) continues that
	 * trace
	 * @return the new saga; {@link #begin} sends its first command
	 */
	public static OrderFulfillmentSaga start(SagaId id, OrderId orderId, OrderDetails order, String correlationId,
			String traceparent, Instant now) {
		OrderFulfillmentSaga saga = new OrderFulfillmentSaga(id, orderId, order, correlationId, traceparent, now, 0,
				Map.of(), List.of());
		saga.state = SagaState.PROCESSING;
		return saga;
	}

	/**
	 * A saga as it was stored.
	 */
	public static OrderFulfillmentSaga restore(Snapshot snapshot) {
		OrderFulfillmentSaga saga = new OrderFulfillmentSaga(snapshot.id(), snapshot.orderId(), snapshot.order(),
				snapshot.correlationId(), snapshot.traceparent(), snapshot.startedAt(), snapshot.version(),
				snapshot.effects(), snapshot.history());
		saga.state = snapshot.state();
		saga.step = snapshot.step();
		saga.attempt = snapshot.attempt();
		saga.stepStartedAt = snapshot.stepStartedAt();
		saga.deadline = snapshot.deadline();
		saga.cancellationRequested = snapshot.cancellationRequested();
		saga.failureReason = snapshot.failureReason();
		saga.trackingNumber = snapshot.trackingNumber();
		saga.endedAt = snapshot.endedAt();
		return saga;
	}

	/**
	 * Sends the first command: charge the payment.
	 */
	public List<SagaCommand> begin(Instant now, StepPolicy.Policies policies) {
		if (this.step != null) {
			throw new SagaStateException("Saga " + this.id + " has begun already");
		}
		record(now, "OrderPlaced");
		return enter(Step.CHARGE_PAYMENT, now, policies);
	}

	/**
	 * Decides on a reply or announcement about the order.
	 */
	public List<SagaCommand> handle(SagaReply reply, Instant now, StepPolicy.Policies policies) {
		String name = reply.name();
		return switch (reply) {
			case SagaReply.PaymentCharged charged -> succeeded(Effect.PAYMENT, name, now, policies);
			case SagaReply.PaymentFailed failed -> failed(Effect.PAYMENT, failed.reason(), name, now, policies);
			case SagaReply.PaymentRefunded refunded -> compensated(Effect.PAYMENT, name, now, policies);
			case SagaReply.InventoryReserved reserved -> succeeded(Effect.RESERVATION, name, now, policies);
			case SagaReply.InventoryReservationFailed failed ->
				failed(Effect.RESERVATION, failed.reason(), name, now, policies);
			case SagaReply.InventoryReleased released -> compensated(Effect.RESERVATION, name, now, policies);
			case SagaReply.ShipmentCreated created -> {
				if (waitsFor(Step.CREATE_SHIPMENT)) {
					this.trackingNumber = created.trackingNumber();
				}
				yield succeeded(Effect.SHIPMENT, name, now, policies);
			}
			case SagaReply.ShipmentFailed failed -> failed(Effect.SHIPMENT, failed.reason(), name, now, policies);
			case SagaReply.ShipmentCancelled cancelled -> {
				if (waitsFor(Step.CANCEL_SHIPMENT)) {
					this.trackingNumber = null;
				}
				yield compensated(Effect.SHIPMENT, name, now, policies);
			}
			case SagaReply.OrderCancellationRequested requested -> cancellationRequested(now, policies);
			case SagaReply.OrderConfirmed confirmed -> ended(Step.CONFIRM_ORDER, SagaState.COMPLETED, name, now);
			case SagaReply.OrderRejected rejected -> ended(Step.REJECT_ORDER, SagaState.REJECTED, name, now);
			case SagaReply.OrderCancelled cancelled -> ended(Step.CANCEL_ORDER, SagaState.CANCELLED, name, now);
		};
	}

	/**
	 * Acts on a passed deadline: asks again, or gives the step up.
	 * @return the commands to send; none when the deadline has not passed
	 */
	public List<SagaCommand> deadlinePassed(Instant now, StepPolicy.Policies policies) {
		if (this.deadline == null || now.isBefore(this.deadline)) {
			return List.of();
		}
		StepPolicy policy = policies.of(this.step);
		if (this.attempt < policy.attempts()) {
			this.attempt++;
			this.deadline = now.plus(policy.wait(this.attempt));
			record(now, "no reply, sent again");
			return List.of(command(this.step));
		}
		Effect effect = forwardEffect(this.step);
		if (effect != null) {
			this.effects.put(effect, EffectStatus.TIMED_OUT);
			this.failureReason = effect.name() + "_TIMEOUT";
			record(now, "no reply after " + this.attempt + " attempts, given up");
			return compensate(now, policies);
		}
		this.state = SagaState.COMPENSATION_FAILED;
		this.deadline = null;
		this.endedAt = now;
		record(now, "no reply after " + this.attempt + " attempts, needs an operator");
		return List.of();
	}

	/**
	 * Resumes a saga parked in {@link SagaState#COMPENSATION_FAILED} at the step that
	 * failed, with fresh attempts.
	 * @throws SagaStateException when the saga is not in that state
	 */
	public List<SagaCommand> retry(Instant now, StepPolicy.Policies policies) {
		if (this.state != SagaState.COMPENSATION_FAILED) {
			throw new SagaStateException(
					"Only a saga in COMPENSATION_FAILED can be retried; saga " + this.id + " is " + this.state);
		}
		this.state = (this.step == Step.CONFIRM_ORDER) ? SagaState.PROCESSING : SagaState.COMPENSATING;
		this.endedAt = null;
		record(now, "retried by an operator");
		return enter(this.step, now, policies);
	}

	private List<SagaCommand> succeeded(Effect effect, String reply, Instant now, StepPolicy.Policies policies) {
		if (this.state == SagaState.PROCESSING && this.step == effect.forward()) {
			this.effects.put(effect, EffectStatus.DONE);
			record(now, reply);
			return enter(next(effect), now, policies);
		}
		EffectStatus status = this.effects.get(effect);
		if (status == EffectStatus.TIMED_OUT || status == EffectStatus.FAILED) {
			this.effects.put(effect, EffectStatus.COMPENSATING);
			record(now, "late " + reply + ", undone with " + effect.compensation());
			return List.of(command(effect.compensation()));
		}
		record(now, reply + " ignored");
		return List.of();
	}

	private List<SagaCommand> failed(Effect effect, String reason, String reply, Instant now,
			StepPolicy.Policies policies) {
		if (this.state == SagaState.PROCESSING && this.step == effect.forward()) {
			this.effects.put(effect, EffectStatus.FAILED);
			this.failureReason = reason;
			record(now, reply + " (" + reason + ")");
			return compensate(now, policies);
		}
		record(now, reply + " (" + reason + ") ignored");
		return List.of();
	}

	private List<SagaCommand> compensated(Effect effect, String reply, Instant now, StepPolicy.Policies policies) {
		if (this.effects.get(effect) == EffectStatus.COMPENSATING) {
			this.effects.put(effect, EffectStatus.COMPENSATED);
		}
		if (waitsFor(effect.compensation())) {
			record(now, reply);
			return compensate(now, policies);
		}
		record(now, reply + " (outside the chain)");
		return List.of();
	}

	private List<SagaCommand> cancellationRequested(Instant now, StepPolicy.Policies policies) {
		this.cancellationRequested = true;
		if (this.state == SagaState.PROCESSING && forwardEffect(this.step) != null) {
			record(now, "OrderCancellationRequested");
			return compensate(now, policies);
		}
		record(now, "OrderCancellationRequested, too late to cancel");
		return List.of();
	}

	private List<SagaCommand> ended(Step awaited, SagaState end, String reply, Instant now) {
		if (!waitsFor(awaited)) {
			record(now, reply + " ignored");
			return List.of();
		}
		this.state = end;
		this.deadline = null;
		this.endedAt = now;
		record(now, reply);
		return List.of();
	}

	/**
	 * Undoes the latest effect that happened or may have happened; when none is left,
	 * ends the order.
	 */
	private List<SagaCommand> compensate(Instant now, StepPolicy.Policies policies) {
		this.state = SagaState.COMPENSATING;
		for (Effect effect : Effect.REVERSE) {
			EffectStatus status = this.effects.get(effect);
			if (status == EffectStatus.DONE || status == EffectStatus.PENDING) {
				this.effects.put(effect, EffectStatus.COMPENSATING);
				return enter(effect.compensation(), now, policies);
			}
		}
		boolean cancel = this.cancellationRequested && this.failureReason == null;
		return enter(cancel ? Step.CANCEL_ORDER : Step.REJECT_ORDER, now, policies);
	}

	private List<SagaCommand> enter(Step next, Instant now, StepPolicy.Policies policies) {
		this.step = next;
		this.attempt = 1;
		this.stepStartedAt = now;
		this.deadline = now.plus(policies.of(next).wait(1));
		Effect effect = forwardEffect(next);
		if (effect != null) {
			this.effects.put(effect, EffectStatus.PENDING);
		}
		SagaCommand command = command(next);
		record(now, "sent " + command.name());
		return List.of(command);
	}

	/**
	 * Whether the saga is waiting for the reply to {@code awaited}; also after it gave up
	 * waiting, so that a late reply still lets it move on.
	 */
	private boolean waitsFor(Step awaited) {
		return this.step == awaited && (!this.state.isTerminal() || this.state == SagaState.COMPENSATION_FAILED);
	}

	private SagaCommand command(Step of) {
		return switch (of) {
			case CHARGE_PAYMENT -> new SagaCommand.ChargePayment(this.orderId, this.order.customerId(),
					this.order.total(), this.order.currency());
			case RESERVE_INVENTORY -> new SagaCommand.ReserveInventory(this.orderId, this.order.lines());
			case CREATE_SHIPMENT -> new SagaCommand.CreateShipment(this.orderId, this.order.destination());
			case CONFIRM_ORDER -> new SagaCommand.ConfirmOrder(this.orderId);
			case CANCEL_SHIPMENT -> new SagaCommand.CancelShipment(this.orderId);
			case RELEASE_INVENTORY -> new SagaCommand.ReleaseInventory(this.orderId);
			case REFUND_PAYMENT -> new SagaCommand.RefundPayment(this.orderId, this.order.customerId());
			case REJECT_ORDER -> new SagaCommand.RejectOrder(this.orderId, this.failureReason);
			case CANCEL_ORDER -> new SagaCommand.CancelOrder(this.orderId);
		};
	}

	private static Step next(Effect done) {
		return switch (done) {
			case PAYMENT -> Step.RESERVE_INVENTORY;
			case RESERVATION -> Step.CREATE_SHIPMENT;
			case SHIPMENT -> Step.CONFIRM_ORDER;
		};
	}

	/**
	 * The effect a forward step brings about; {@code null} for every other step.
	 */
	private static Effect forwardEffect(Step step) {
		for (Effect effect : Effect.values()) {
			if (effect.forward() == step) {
				return effect;
			}
		}
		return null;
	}

	private void record(Instant now, String event) {
		this.history.add(new HistoryEntry(now, this.step, this.attempt, event));
	}

	public SagaId id() {
		return this.id;
	}

	public OrderId orderId() {
		return this.orderId;
	}

	public SagaState state() {
		return this.state;
	}

	/**
	 * The step whose reply the saga waits for, or waited for last.
	 */
	public Step step() {
		return this.step;
	}

	public int attempt() {
		return this.attempt;
	}

	public Instant stepStartedAt() {
		return this.stepStartedAt;
	}

	/**
	 * When the current step gives up waiting; {@code null} once the saga has ended.
	 */
	public Instant deadline() {
		return this.deadline;
	}

	public EffectStatus effect(Effect effect) {
		return this.effects.get(effect);
	}

	public List<HistoryEntry> history() {
		return Collections.unmodifiableList(this.history);
	}

	public String correlationId() {
		return this.correlationId;
	}

	/**
	 * The W3C trace context in which the saga started, or {@code null}.
	 */
	public String traceparent() {
		return this.traceparent;
	}

	public long version() {
		return this.version;
	}

	/**
	 * What the saga stores.
	 */
	public Snapshot snapshot() {
		return new Snapshot(this.id, this.orderId, this.order, this.correlationId, this.traceparent, this.startedAt,
				this.version, Map.copyOf(this.effects), List.copyOf(this.history), this.state, this.step, this.attempt,
				this.stepStartedAt, this.deadline, this.cancellationRequested, this.failureReason, this.trackingNumber,
				this.endedAt);
	}

	/**
	 * Everything a saga is, for storing and showing.
	 *
	 * @param version the version it was loaded at; stored as {@code version + 1}
	 */
	public record Snapshot(SagaId id, OrderId orderId, OrderDetails order, String correlationId, String traceparent,
			Instant startedAt, long version, Map<Effect, EffectStatus> effects, List<HistoryEntry> history,
			SagaState state, Step step, int attempt, Instant stepStartedAt, Instant deadline,
			boolean cancellationRequested, String failureReason, String trackingNumber, Instant endedAt) {

	}

}
