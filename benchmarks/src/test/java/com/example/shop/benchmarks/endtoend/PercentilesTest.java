package com.example.shop.benchmarks.endtoend;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

	@Test
	void reportsMicrosecondHistogramsInMilliseconds() {
		Histogram micros = new Histogram(60_000_000, 3);
		for (int i = 1; i <= 1_000; i++) {
			micros.recordValue(i * 1_000L);
		}

		Percentiles percentiles = Percentiles.of(micros);

		assertThat(percentiles.count()).isEqualTo(1_000);
		assertThat(percentiles.p50()).isCloseTo(500, within(1.0));
		assertThat(percentiles.p99()).isCloseTo(990, within(1.0));
		assertThat(percentiles.p999()).isCloseTo(999, within(1.0));
		assertThat(percentiles.max()).isCloseTo(1_000, within(1.0));
	}

	@Test
	void letsTheTailShowThroughTheMedian() {
		// 999 fast answers and one that took 5 s: p99.9 and max must say so
		Histogram micros = new Histogram(60_000_000, 3);
		micros.recordValueWithCount(2_000, 999);
		micros.recordValue(5_000_000);

		Percentiles percentiles = Percentiles.of(micros);

		assertThat(percentiles.p50()).isCloseTo(2, within(0.01));
		assertThat(percentiles.p99()).isCloseTo(2, within(0.01));
		assertThat(percentiles.max()).isCloseTo(5_000, within(5.0));
	}

	@Test
	void hasNoFiguresWithoutValues() {
		Percentiles percentiles = Percentiles.of(new Histogram(3));

		assertThat(percentiles.count()).isZero();
		assertThat(percentiles.p50()).isNaN();
		assertThat(percentiles.p99()).isNaN();
	}

}
