package com.example.shop.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.List;

import com.example.shop.benchmarks.endtoend.RateSearch.Outcome;
import com.example.shop.benchmarks.endtoend.RateSearch.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateSearchTest {

	@Test
	void doublesUntilARateFailsThenNarrowsDownToTheResolution() {
		List<Integer> tried = new ArrayList<>();

		Outcome outcome = RateSearch.search(25, 2_000, 0.1, (rate) -> {
			tried.add(rate);
			return rate <= 137;
		});

		assertThat(tried).startsWith(25, 50, 100, 200).containsSubsequence(200, 150, 125);
		assertThat(outcome.maxRate()).isBetween(125, 137);
		// the interval left is at most 10% of R_max wide
		int lowestFailed = outcome.steps()
			.stream()
			.filter((step) -> !step.sustainable())
			.mapToInt(Step::rate)
			.min()
			.orElseThrow();
		assertThat(lowestFailed - outcome.maxRate()).isLessThanOrEqualTo((int) (outcome.maxRate() * 0.1));
		assertThat(outcome.steps()).extracting(Step::rate).containsExactlyElementsOf(tried);
	}

	@Test
	void neverReportsARateThatFailed() {
		Outcome outcome = RateSearch.search(10, 1_000, 0.05, (rate) -> rate < 333);

		assertThat(outcome.maxRate()).isLessThan(333).isGreaterThanOrEqualTo((int) (333 / 1.05));
		assertThat(outcome.steps()).filteredOn((step) -> step.rate() == outcome.maxRate()).allMatch(Step::sustainable);
	}

	@Test
	void stopsAtTheCeilingWhenEveryRateIsSustainable() {
		Outcome outcome = RateSearch.search(100, 700, 0.1, (rate) -> true);

		assertThat(outcome.maxRate()).isEqualTo(700);
		assertThat(outcome.steps()).extracting(Step::rate).containsExactly(100, 200, 400, 700);
	}

	@Test
	void findsNothingWhenTheFirstRateFails() {
		Outcome outcome = RateSearch.search(50, 2_000, 0.1, (rate) -> false);

		assertThat(outcome.maxRate()).isZero();
		assertThat(outcome.steps()).containsExactly(new Step(50, false));
	}

	@Test
	void narrowsToSingleOrdersPerSecondAtLowRates() {
		Outcome outcome = RateSearch.search(1, 100, 0.1, (rate) -> rate <= 6);

		assertThat(outcome.maxRate()).isEqualTo(6);
	}

	@Test
	void refusesAnEmptyRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> RateSearch.search(0, 100, 0.1, (rate) -> true));
		assertThatIllegalArgumentException().isThrownBy(() -> RateSearch.search(200, 100, 0.1, (rate) -> true));
	}

}
