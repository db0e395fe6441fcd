package com.example.shop.benchmarks.endtoend;

import java.time.Duration;

/**
 * When each order is meant to start: order {@code i} at {@code i / rate} seconds after
 * the run began, whatever the answers to earlier orders do (open loop).
 *
 * @param rate offered orders per second
 * @param count how many orders the schedule holds
 */
record Schedule(double rate, long count) {

	Schedule {
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("The rate must be a positive number, not " + rate);
		}
		if (count < 0) {
			throw new IllegalArgumentException("The count must not be negative, not " + count);
		}
	}

	/**
	 * The orders that {@code rate} offers in {@code length}, rounded to the nearest
	 * order.
	 */
	static Schedule of(double rate, Duration length) {
		return new Schedule(rate, Math.round(rate * length.toNanos() / 1e9));
	}

	/**
	 * The intended start of order {@code index}, in nanoseconds after the first.
	 */
	long offsetNanos(long index) {
		if (index < 0 || index >= this.count) {
			throw new IndexOutOfBoundsException("Order " + index + " is not in a schedule of " + this.count);
		}
		return Math.round(index * 1e9 / this.rate);
	}

	/**
	 * How long the schedule lasts: the time from the first intended start to one period
	 * after the last.
	 */
	Duration length() {
		return Duration.ofNanos(Math.round(this.count * 1e9 / this.rate));
	}

	/**
	 * Whether a send of {@code lateNanos} after its intended start breaks the schedule:
	 * the generator, not the system under test, would then set the pace.
	 */
	static boolean fellBehind(long lateNanos, Duration tolerance) {
		return lateNanos > tolerance.toNanos();
	}

}
