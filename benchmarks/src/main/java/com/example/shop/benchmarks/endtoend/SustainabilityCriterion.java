package com.example.shop.benchmarks.endtoend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a rate counts as sustainable, the definition behind R_max: the generator kept its
 * schedule; requests hardly failed; every accepted order ended within the drain;
 * completed sagas per second kept up with the offered rate; and saga completion p99
 * stayed within a bound (a system that falls behind shows a p99 that grows with the
 * length of the run).
 *
 * @param maxScheduleLag how late the generator may send an order
 * @param p99Bound the largest acceptable saga completion p99
 * @param minCompletedRatio completed sagas per second relative to the offered rate
 * @param maxErrorRatio failed requests relative to offered orders
 */
record SustainabilityCriterion(Duration maxScheduleLag, Duration p99Bound, double minCompletedRatio,
		double maxErrorRatio) {

	static final SustainabilityCriterion DEFAULT = new SustainabilityCriterion(Duration.ofMillis(100),
			Duration.ofSeconds(1), 0.95, 0.001);

	/**
	 * Why {@code run} is not sustainable; empty when it is.
	 */
	List<String> violations(RunResult run) {
		List<String> violations = new ArrayList<>();
		if (run.fellBehind() || run.maxSendLagMillis() > this.maxScheduleLag.toMillis()) {
			violations.add(format("the generator fell behind its schedule by %.0f ms (tolerance %d ms)",
					run.maxSendLagMillis(), this.maxScheduleLag.toMillis()));
		}
		if (run.errorCount() > this.maxErrorRatio * run.offered()) {
			violations.add(format("%d failed requests (more than %.1f%% of %d offered)", run.errorCount(),
					this.maxErrorRatio * 100, run.offered()));
		}
		if (run.notTerminal() > 0) {
			violations.add(format("%d accepted orders not terminal at the end of the drain", run.notTerminal()));
		}
		if (run.completedPerSecond() < this.minCompletedRatio * run.offeredRate()) {
			violations.add(format("%.1f completed sagas/s is below %.0f%% of the offered %.1f/s",
					run.completedPerSecond(), this.minCompletedRatio * 100, run.offeredRate()));
		}
		double p99 = run.sagaCompletion().p99();
		if (Double.isNaN(p99) || p99 > this.p99Bound.toMillis()) {
			violations.add(format("saga completion p99 %.0f ms is above %d ms", p99, this.p99Bound.toMillis()));
		}
		return violations;
	}

	boolean isSustainable(RunResult run) {
		return violations(run).isEmpty();
	}

	private static String format(String format, Object... arguments) {
		return String.format(Locale.ROOT, format, arguments);
	}

}
