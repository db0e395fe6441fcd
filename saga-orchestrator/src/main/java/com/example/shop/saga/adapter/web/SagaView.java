package com.example.shop.saga.adapter.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.platform.eventing.MessageTracing;
import com.example.shop.saga.domain.Effect;
import com.example.shop.saga.domain.EffectStatus;
import com.example.shop.saga.domain.HistoryEntry;
import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.Step;

/**
 * A saga as the API shows it: where it is, what each participant did, each step with its
 * timing, derived from the history, and the trace it runs in ({@code traceId}: look it up
 * in the trace viewer; {@code null} when it started without one).
 */
record SagaView(String sagaId, String orderId, String traceId, String state, String step, int attempt, Instant deadline,
		String failureReason, boolean cancellationRequested, String trackingNumber, Map<Effect, EffectStatus> effects,
		Instant startedAt, Instant endedAt, Long durationMillis, List<StepTiming> steps, List<HistoryEntry> history,
		long version) {

	/**
	 * One step from its first command to the entry that moved the saga on.
	 */
	record StepTiming(Step step, Instant startedAt, Instant endedAt, Long durationMillis, int attempts) {

	}

	static SagaView of(OrderFulfillmentSaga.Snapshot saga) {
		Long duration = (saga.endedAt() != null) ? Duration.between(saga.startedAt(), saga.endedAt()).toMillis() : null;
		return new SagaView(saga.id().toString(), saga.orderId().value(), MessageTracing.traceId(saga.traceparent()),
				saga.state().name(), (saga.step() != null) ? saga.step().name() : null, saga.attempt(), saga.deadline(),
				saga.failureReason(), saga.cancellationRequested(), saga.trackingNumber(), saga.effects(),
				saga.startedAt(), saga.endedAt(), duration, timings(saga.history()), saga.history(), saga.version());
	}

	private static List<StepTiming> timings(List<HistoryEntry> history) {
		List<StepTiming> steps = new ArrayList<>();
		Step current = null;
		Instant started = null;
		int attempts = 0;
		for (HistoryEntry entry : history) {
			if (entry.step() != current) {
				if (current != null) {
					steps.add(new StepTiming(current, started, entry.at(),
							Duration.between(started, entry.at()).toMillis(), attempts));
				}
				current = entry.step();
				started = entry.at();
			}
			attempts = entry.attempt();
		}
		if (current != null) {
			steps.add(new StepTiming(current, started, null, null, attempts));
		}
		return steps;
	}

}
