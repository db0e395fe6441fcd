package com.example.shop.benchmarks.endtoend;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTest {

	@Test
	void runsOneRateWithDefaultsForEverythingElse() {
		Options options = Options.parse("--rate", "100");

		assertThat(options.rates()).containsExactly(100.0);
		assertThat(options.findMax()).isFalse();
		assertThat(options.plan().window()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.plan().mix()).hasToString("happy=100");
		assertThat(options.criterion()).isEqualTo(SustainabilityCriterion.DEFAULT);
		assertThat(options.runDirectory()).hasToString(".run");
		assertThat(options.instances()).isEqualTo(1);
	}

	@Test
	void spreadsOrdersOverAsManyInstancesAsTheStackRuns() {
		assertThat(Options.parse("--rate", "100", "--instances", "2").instances()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "100", "--instances", "0"));
	}

	@Test
	void readsASeriesOfRatesAndTheRunShape() {
		Options options = Options.parse("--rates", "25, 50,100", "--duration", "30s", "--warmup", "500ms", "--mix",
				"happy=90,insufficient-funds=5,cancellation=5", "--max-schedule-lag", "50ms", "--p99-bound", "2s");

		assertThat(options.rates()).containsExactly(25.0, 50.0, 100.0);
		assertThat(options.plan().window()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.plan().warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.plan().mix()).hasToString("happy=90,insufficient-funds=5,cancellation=5");
		assertThat(options.plan().maxScheduleLag()).isEqualTo(Duration.ofMillis(50));
		assertThat(options.criterion().maxScheduleLag()).isEqualTo(Duration.ofMillis(50));
		assertThat(options.criterion().p99Bound()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void readsTheSearchAndTheRunsAfterIt() {
		Options options = Options.parse("--find-max", "--from", "40", "--max-rate", "800", "--step-duration", "15s",
				"--fractions", "25,50,100");

		assertThat(options.findMax()).isTrue();
		assertThat(options.from()).isEqualTo(40);
		assertThat(options.ceiling()).isEqualTo(800);
		assertThat(options.stepWindow()).isEqualTo(Duration.ofSeconds(15));
		assertThat(options.fractions()).containsExactly(25, 50, 100);
		assertThat(Options.parse("--find-max", "--fractions", "0").fractions()).isEmpty();
	}

	@Test
	void wantsEitherRatesOrASearch() {
		assertThatIllegalArgumentException().isThrownBy(Options::parse).withMessageContaining("Usage");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "10", "--find-max"));
	}

	@Test
	void refusesWhatItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "10", "--duration", "1h"))
			.withMessageContaining("ms, s or m");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate", "10", "--speed", "fast"))
			.withMessageContaining("Unknown option --speed");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--rate"))
			.withMessageContaining("needs a value");
	}

	@Test
	void readsDurationsInMillisecondsSecondsAndMinutes() {
		assertThat(List.of(Options.duration("250ms"), Options.duration("45s"), Options.duration("2m")))
			.containsExactly(Duration.ofMillis(250), Duration.ofSeconds(45), Duration.ofMinutes(2));
	}

}
