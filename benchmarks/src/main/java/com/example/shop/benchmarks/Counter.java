package com.example.shop.benchmarks;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.eventing.aggregate.EventTypes;
import com.example.shop.platform.eventing.aggregate.Snapshotting;

/**
 * The aggregate whose load time is measured: a counter with arbitrarily long streams.
 */
final class Counter implements Aggregate<Counter.Incremented> {

	static final EventTypes<Incremented> EVENT_TYPES = EventTypes.of(Incremented.class)
		.register(Incremented.class, "Incremented", 1);

	static final Snapshotting<Counter, State> SNAPSHOTS = new Snapshotting<>(1000, 1, State.class, Counter::state,
			Counter::new);

	private State state = new State(0, 0);

	Counter() {
	}

	private Counter(State state) {
		this.state = state;
	}

	record Incremented(long by) {
	}

	record State(long total, long increments) {
	}

	State state() {
		return this.state;
	}

	@Override
	public void apply(Incremented event) {
		this.state = new State(this.state.total() + event.by(), this.state.increments() + 1);
	}

}
