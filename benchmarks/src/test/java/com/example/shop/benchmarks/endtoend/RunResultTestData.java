package com.example.shop.benchmarks.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.example.shop.benchmarks.endtoend.ProcessStats.ProcessUsage;
import com.example.shop.benchmarks.endtoend.RunResult.ProjectionLag;

/**
 * Builds run results for tests: by default a 20 s run that kept up with its rate.
 */
final class RunResultTestData {

	private double rate = 100;

	private Double completedPerSecond;

	private double sagaP99Millis = 180;

	private double maxSendLagMillis = 2;

	private long notTerminal;

	private long errors;

	private RunResultTestData() {
	}

	static RunResultTestData aSustainedRun() {
		return new RunResultTestData();
	}

	RunResultTestData atRate(double rate) {
		this.rate = rate;
		return this;
	}

	RunResultTestData completingPerSecond(double completedPerSecond) {
		this.completedPerSecond = completedPerSecond;
		return this;
	}

	RunResultTestData withSagaP99Millis(double p99) {
		this.sagaP99Millis = p99;
		return this;
	}

	RunResultTestData withMaxSendLagMillis(double lag) {
		this.maxSendLagMillis = lag;
		return this;
	}

	RunResultTestData withNotTerminal(long notTerminal) {
		this.notTerminal = notTerminal;
		return this;
	}

	RunResultTestData withErrors(long errors) {
		this.errors = errors;
		return this;
	}

	RunResult build() {
		Duration window = Duration.ofSeconds(20);
		long offered = Math.round(this.rate * 20);
		long completed = Math.round(((this.completedPerSecond != null) ? this.completedPerSecond : this.rate) * 20);
		return new RunResult(this.rate, window, offered, offered, offered - this.errors, completed, this.notTerminal,
				new Percentiles(offered, 60, this.sagaP99Millis, this.sagaP99Millis * 1.5, this.sagaP99Millis * 2),
				new Percentiles(offered, 4, 20, 40, 80), new ProjectionLag(30, 120), this.maxSendLagMillis,
				this.maxSendLagMillis > 100, Map.of("OrderConfirmed", offered - this.errors),
				(this.errors > 0) ? Map.of("POST /orders: 503", this.errors) : Map.of(),
				List.of(new ProcessUsage("kafka", 0.25, 440, 450, 430)));
	}

}
