package com.example.shop.benchmarks.endtoend;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The share of each scenario in the load, in percent, e.g.
 * {@code happy=90,insufficient-funds=5,cancellation=5}. Orders are assigned
 * deterministically and evenly spread: over any stretch of the schedule each scenario's
 * count stays within a couple of orders of its share, so a short run sees the same mix as
 * a long one.
 */
final class ScenarioMix {

	/** The golden ratio's fractional part: consecutive multiples fill [0, 1) evenly. */
	private static final double SPREAD = (Math.sqrt(5) - 1) / 2;

	private final Map<Scenario, Integer> percent;

	private ScenarioMix(Map<Scenario, Integer> percent) {
		this.percent = percent;
	}

	static ScenarioMix happyPathOnly() {
		return parse("happy=100");
	}

	static ScenarioMix parse(String text) {
		Map<Scenario, Integer> percent = new EnumMap<>(Scenario.class);
		for (String part : text.split(",")) {
			String[] pair = part.trim().split("=");
			if (pair.length != 2) {
				throw new IllegalArgumentException("A mix is scenario=percent,..., not '" + text + "'");
			}
			int share = Integer.parseInt(pair[1].trim());
			if (share < 0) {
				throw new IllegalArgumentException("A share must not be negative: " + part);
			}
			if (percent.put(Scenario.ofLabel(pair[0].trim()), share) != null) {
				throw new IllegalArgumentException("Scenario named twice: " + pair[0]);
			}
		}
		int total = percent.values().stream().mapToInt(Integer::intValue).sum();
		if (total != 100) {
			throw new IllegalArgumentException("The shares of a mix add up to 100, not " + total + ": " + text);
		}
		return new ScenarioMix(percent);
	}

	/**
	 * The scenario of order {@code index} of the schedule.
	 */
	Scenario scenarioOf(long index) {
		double position = ((index * SPREAD) % 1.0) * 100;
		double cumulative = 0;
		Scenario last = null;
		for (Map.Entry<Scenario, Integer> entry : this.percent.entrySet()) {
			if (entry.getValue() == 0) {
				continue;
			}
			cumulative += entry.getValue();
			last = entry.getKey();
			if (position < cumulative) {
				return last;
			}
		}
		return last;
	}

	@Override
	public String toString() {
		return this.percent.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map((entry) -> entry.getKey().label() + "=" + entry.getValue())
			.collect(Collectors.joining(","));
	}

}
