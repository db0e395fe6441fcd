package com.example.shop.benchmarks.endtoend;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScenarioMixTest {

	@Test
	void placesOnlyHappyOrdersByDefault() {
		ScenarioMix mix = ScenarioMix.happyPathOnly();

		assertThat(countsOver(mix, 0, 1_000)).containsExactly(Map.entry(Scenario.HAPPY, 1_000));
	}

	@Test
	void givesEachScenarioItsShareOverTheWholeRun() {
		ScenarioMix mix = ScenarioMix.parse("happy=90,insufficient-funds=5,cancellation=5");

		Map<Scenario, Integer> counts = countsOver(mix, 0, 10_000);

		assertThat(counts.get(Scenario.HAPPY)).isBetween(8_990, 9_010);
		assertThat(counts.get(Scenario.INSUFFICIENT_FUNDS)).isBetween(495, 505);
		assertThat(counts.get(Scenario.CANCELLATION)).isBetween(495, 505);
	}

	@Test
	void spreadsTheScenariosEvenlySoAShortStretchHasTheMixToo() {
		ScenarioMix mix = ScenarioMix.parse("happy=90,insufficient-funds=5,cancellation=5");

		// any 200 consecutive orders hold about 10 of each minority scenario
		for (int start = 0; start < 5_000; start += 137) {
			Map<Scenario, Integer> counts = countsOver(mix, start, start + 200);
			assertThat(counts.get(Scenario.INSUFFICIENT_FUNDS)).as("from order %d", start).isBetween(8, 12);
			assertThat(counts.get(Scenario.CANCELLATION)).as("from order %d", start).isBetween(8, 12);
		}
	}

	@Test
	void assignsTheSameScenarioToAnOrderEveryTime() {
		ScenarioMix mix = ScenarioMix.parse("happy=50,cancellation=50");

		assertThat(mix.scenarioOf(12_345)).isEqualTo(ScenarioMix.parse("happy=50,cancellation=50").scenarioOf(12_345));
	}

	@Test
	void leavesOutScenariosWithANoShare() {
		ScenarioMix mix = ScenarioMix.parse("happy=0,cancellation=100");

		assertThat(countsOver(mix, 0, 500)).containsExactly(Map.entry(Scenario.CANCELLATION, 500));
		assertThat(mix).hasToString("cancellation=100");
	}

	@Test
	void refusesSharesThatDoNotAddUpToAHundred() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScenarioMix.parse("happy=90,cancellation=5"))
			.withMessageContaining("add up to 100, not 95");
	}

	@Test
	void refusesAnUnknownOrRepeatedScenario() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScenarioMix.parse("happy=50,out-of-stock=50"))
			.withMessageContaining("out-of-stock");
		assertThatIllegalArgumentException().isThrownBy(() -> ScenarioMix.parse("happy=50,happy=50"))
			.withMessageContaining("twice");
	}

	private static Map<Scenario, Integer> countsOver(ScenarioMix mix, int from, int to) {
		Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
		for (int i = from; i < to; i++) {
			counts.merge(mix.scenarioOf(i), 1, Integer::sum);
		}
		return counts;
	}

}
