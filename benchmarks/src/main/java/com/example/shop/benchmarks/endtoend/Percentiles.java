package com.example.shop.benchmarks.endtoend;

import org.HdrHistogram.AbstractHistogram;

/**
 * A latency distribution as reported: count, p50, p99, p99.9 and max, in milliseconds.
 * Histograms record microseconds.
 *
 * @param count how many values were recorded
 * @param p50 the median
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest value
 */
record Percentiles(long count, double p50, double p99, double p999, double max) {

	static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	static Percentiles of(AbstractHistogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Percentiles(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
				millis(micros.getValueAtPercentile(99)), millis(micros.getValueAtPercentile(99.9)),
				millis(micros.getMaxValue()));
	}

	private static double millis(long micros) {
		return micros / 1000.0;
	}

}
