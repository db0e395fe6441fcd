package com.example.shop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results of several runs of one measurement, reported by their median.
 */
final class Samples {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	double median() {
		List<Double> sorted = this.values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	@Override
	public String toString() {
		return this.values.stream().map((v) -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
	}

}
