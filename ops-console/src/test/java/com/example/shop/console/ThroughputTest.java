package com.example.shop.console;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputTest {

	private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void ratesPerMinuteAreTheDifferencesBetweenSamplesOverTheirDistance() {
		List<Throughput.Sample> samples = List.of(sample(0, 100), sample(10, 110), sample(20, 110), sample(40, 150));

		Throughput.Chart chart = Throughput.chart("placed", samples, Throughput.Sample::placed);

		// 10 in 10 s, 0 in 10 s, 40 in 20 s
		assertThat(chart.latest()).isEqualTo(120.0);
		assertThat(chart.max()).isEqualTo(120.0);
		assertThat(chart.points()).isEqualTo("0.0,24.0 120.0,46.0 240.0,2.0");
		assertThat(chart.latestText()).isEqualTo("120");
	}

	@Test
	void aCountThatWentDownCountsAsNothingAndOneSampleIsNoRateYet() {
		assertThat(
				Throughput.chart("placed", List.of(sample(0, 100), sample(10, 50)), Throughput.Sample::placed).latest())
			.isZero();
		Throughput.Chart none = Throughput.chart("placed", List.of(sample(0, 100)), Throughput.Sample::placed);
		assertThat(none.latest()).isNull();
		assertThat(none.latestText()).isEqualTo("–");
		assertThat(none.points()).isEmpty();
	}

	private static Throughput.Sample sample(int second, long placed) {
		return new Throughput.Sample(START.plusSeconds(second), placed, 0, 0, 0);
	}

}
