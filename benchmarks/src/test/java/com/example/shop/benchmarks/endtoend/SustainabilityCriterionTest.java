package com.example.shop.benchmarks.endtoend;

import org.junit.jupiter.api.Test;

import static com.example.shop.benchmarks.endtoend.RunResultTestData.aSustainedRun;
import static org.assertj.core.api.Assertions.assertThat;

class SustainabilityCriterionTest {

	private final SustainabilityCriterion criterion = SustainabilityCriterion.DEFAULT;

	@Test
	void acceptsARunThatKeptUpOnEveryCount() {
		RunResult run = aSustainedRun().atRate(200).build();

		assertThat(this.criterion.violations(run)).isEmpty();
		assertThat(this.criterion.isSustainable(run)).isTrue();
	}

	@Test
	void rejectsARunWhoseGeneratorFellBehind() {
		RunResult run = aSustainedRun().withMaxSendLagMillis(250).build();

		assertThat(this.criterion.violations(run)).singleElement()
			.asString()
			.contains("fell behind its schedule by 250 ms");
	}

	@Test
	void rejectsARunWhoseSagasDidNotKeepUpWithTheOfferedRate() {
		RunResult run = aSustainedRun().atRate(200).completingPerSecond(185).build();

		assertThat(this.criterion.violations(run)).singleElement()
			.asString()
			.contains("185.0 completed sagas/s is below 95% of the offered 200.0/s");
	}

	@Test
	void acceptsCompletionsJustWithinTheMargin() {
		RunResult run = aSustainedRun().atRate(200).completingPerSecond(190).build();

		assertThat(this.criterion.isSustainable(run)).isTrue();
	}

	@Test
	void rejectsARunWithAnUnboundedTail() {
		RunResult run = aSustainedRun().withSagaP99Millis(1_500).build();

		assertThat(this.criterion.violations(run)).singleElement().asString().contains("p99 1500 ms is above 1000 ms");
	}

	@Test
	void rejectsARunWithSagasThatNeverEnded() {
		RunResult run = aSustainedRun().withNotTerminal(3).build();

		assertThat(this.criterion.violations(run)).singleElement()
			.asString()
			.contains("3 accepted orders not terminal");
	}

	@Test
	void toleratesAFewFailedRequestsButNotMore() {
		// 0.1% of 4,000 offered orders
		assertThat(this.criterion.isSustainable(aSustainedRun().atRate(200).withErrors(4).build())).isTrue();
		assertThat(this.criterion.violations(aSustainedRun().atRate(200).withErrors(5).build())).singleElement()
			.asString()
			.contains("5 failed requests");
	}

	@Test
	void namesEveryReasonAtOnce() {
		RunResult run = aSustainedRun().atRate(200)
			.completingPerSecond(100)
			.withSagaP99Millis(9_000)
			.withMaxSendLagMillis(400)
			.build();

		assertThat(this.criterion.violations(run)).hasSize(3);
	}

}
