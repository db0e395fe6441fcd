package com.example.shop.saga.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.SagaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch:
 * <ul>
 * <li>{@code sagas.started} and {@code sagas.ended} (tag {@code outcome}: the terminal
 * state);</li>
 * <li>{@code sagas.step.latency} (tags {@code step}, {@code outcome}: the reply that
 * ended the step, {@code deadline} or {@code retry}), and {@code sagas.duration} by
 * outcome;</li>
 * <li>{@code sagas.active} and {@code sagas.active.oldest.seconds} per non-final state,
 * refreshed by {@link #refreshActive}: a saga stuck in a state shows as a growing
 * age;</li>
 * <li>{@code sagas.stuck}, also refreshed there: the sagas {@code GET /sagas/stuck}
 * lists.</li>
 * </ul>
 */
public class SagaMetrics {

	private final MeterRegistry meters;

	private final SagaStore store;

	private final Counter started;

	private final Map<SagaState, double[]> active = new ConcurrentHashMap<>();

	private final Duration stuckAfter;

	private final AtomicLong stuck = new AtomicLong();

	/**
	 * @param stuckAfter how long past its deadline a moving saga counts as stuck
	 */
	public SagaMetrics(MeterRegistry meters, SagaStore store, Duration stuckAfter) {
		this.meters = meters;
		this.store = store;
		this.stuckAfter = stuckAfter;
		Gauge.builder("sagas.stuck", this.stuck, AtomicLong::get)
			.description("Sagas in COMPENSATION_FAILED or still moving well past their deadline: GET /sagas/stuck")
			.register(meters);
		this.started = Counter.builder("sagas.started").description("Sagas started, one per order").register(meters);
		for (SagaState state : List.of(SagaState.PROCESSING, SagaState.COMPENSATING, SagaState.COMPENSATION_FAILED)) {
			double[] values = new double[2];
			this.active.put(state, values);
			Gauge.builder("sagas.active", values, (v) -> v[0])
				.description("Sagas in this state")
				.tag("state", state.name())
				.register(meters);
			Gauge.builder("sagas.active.oldest.seconds", values, (v) -> v[1])
				.description("Age of the oldest saga in this state")
				.tag("state", state.name())
				.register(meters);
		}
	}

	void started() {
		this.started.increment();
	}

	void moved(OrderFulfillmentSaga.Snapshot before, OrderFulfillmentSaga.Snapshot after, String trigger, Instant now) {
		boolean stepEnded = before.step() != after.step() || after.state() != before.state()
				|| after.attempt() != before.attempt();
		if (stepEnded && before.stepStartedAt() != null && !before.state().isTerminal()) {
			Timer.builder("sagas.step.latency")
				.description("From sending a step's command to the reply or deadline that ended it")
				.tag("step", before.step().name())
				.tag("outcome", trigger)
				.publishPercentileHistogram()
				.register(this.meters)
				.record(Duration.between(before.stepStartedAt(), now));
		}
		if (after.state().isTerminal() && before.state() != after.state()) {
			Counter.builder("sagas.ended").tag("outcome", after.state().name()).register(this.meters).increment();
			Timer.builder("sagas.duration")
				.description("From the order placed to the saga's end")
				.tag("outcome", after.state().name())
				.publishPercentileHistogram()
				.register(this.meters)
				.record(Duration.between(after.startedAt(), now));
		}
	}

	/**
	 * Reads the active sagas from the store into the gauges.
	 */
	public void refreshActive(Instant now) {
		this.stuck.set(this.store.countStuck(now.minus(this.stuckAfter)));
		this.active.values().forEach((values) -> {
			values[0] = 0;
			values[1] = 0;
		});
		for (SagaStore.Active active : this.store.active(now)) {
			double[] values = this.active.get(active.state());
			if (values != null) {
				values[0] = active.count();
				values[1] = active.oldest().toMillis() / 1000.0;
			}
		}
	}

}
