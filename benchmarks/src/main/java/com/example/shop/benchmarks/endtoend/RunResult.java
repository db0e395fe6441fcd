package com.example.shop.benchmarks.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.example.shop.benchmarks.endtoend.ProcessStats.ProcessUsage;

/**
 * What one run at a fixed offered rate measured. Only the orders of the measured window
 * count; the warm-up's orders only keep the system busy before it.
 *
 * @param offeredRate orders per second the schedule offered
 * @param window the measured window
 * @param offered orders the window's schedule held
 * @param sent orders actually sent (fewer when the generator fell behind and stopped)
 * @param accepted orders answered 201
 * @param completedInWindow sagas of this run (warm-up included) whose terminal event was
 * published within the window
 * @param notTerminal accepted orders without a terminal event at the end of the drain
 * @param sagaCompletion from an order's intended start to its terminal event being
 * published
 * @param placeOrder from an order's intended start to the answer to its
 * {@code POST /orders}
 * @param projectionLag the order summary's lag as the query service reports it
 * @param maxSendLagMillis how late the generator sent its latest order
 * @param fellBehind whether a send was later than the tolerance, so the run stopped
 * @param outcomes terminal events by type, and answers to cancellations, by count
 * @param errors failed requests by kind, by count
 * @param processes CPU and memory of each process over the window
 */
record RunResult(double offeredRate, Duration window, long offered, long sent, long accepted, long completedInWindow,
		long notTerminal, Percentiles sagaCompletion, Percentiles placeOrder, ProjectionLag projectionLag,
		double maxSendLagMillis, boolean fellBehind, Map<String, Long> outcomes, Map<String, Long> errors,
		List<ProcessUsage> processes) {

	double acceptedPerSecond() {
		return this.accepted / seconds();
	}

	double completedPerSecond() {
		return this.completedInWindow / seconds();
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(Long::longValue).sum();
	}

	private double seconds() {
		return this.window.toNanos() / 1e9;
	}

	/**
	 * The lag from an event being written to the order summary having it, p50 and p99
	 * over about the last minute, as {@code GET /projections} of the query service
	 * reports it at the end of the run; {@code NaN} when it could not be read.
	 */
	record ProjectionLag(double p50Millis, double p99Millis) {

		static final ProjectionLag UNKNOWN = new ProjectionLag(Double.NaN, Double.NaN);

	}

}
