package com.example.shop.benchmarks.endtoend;

import java.util.ArrayList;
import java.util.List;

/**
 * The search for R_max, the highest sustainable rate: from a starting rate, double while
 * the trial says sustainable, then halve the interval between the highest sustainable and
 * the lowest unsustainable rate until it is narrower than a fraction of the former. Rates
 * are whole orders per second. The trial is a run on the real stack, so the search
 * assumes what holds there up to noise: a rate below a sustainable one is sustainable.
 */
final class RateSearch {

	private RateSearch() {
	}

	/**
	 * @param from the first rate tried
	 * @param ceiling the highest rate tried
	 * @param resolution stop when the interval is at most this fraction of the highest
	 * sustainable rate (and at most one order per second wide)
	 * @return R_max, 0 when even {@code from} is not sustainable, and every step
	 */
	static Outcome search(int from, int ceiling, double resolution, Trial trial) {
		if (from <= 0 || ceiling < from) {
			throw new IllegalArgumentException("Need 0 < from <= ceiling, not " + from + " and " + ceiling);
		}
		List<Step> steps = new ArrayList<>();
		int good = 0;
		int bad = -1;
		int rate = from;
		while (true) {
			boolean sustainable = trial.isSustainable(rate);
			steps.add(new Step(rate, sustainable));
			if (!sustainable) {
				bad = rate;
				break;
			}
			good = rate;
			if (rate == ceiling) {
				break;
			}
			rate = (int) Math.min((long) rate * 2, ceiling);
		}
		if (good == 0 || bad < 0) {
			return new Outcome(good, steps);
		}
		while (bad - good > Math.max(1, good * resolution)) {
			int middle = good + (bad - good) / 2;
			boolean sustainable = trial.isSustainable(middle);
			steps.add(new Step(middle, sustainable));
			if (sustainable) {
				good = middle;
			}
			else {
				bad = middle;
			}
		}
		return new Outcome(good, steps);
	}

	/**
	 * One run at a rate, judged by the {@link SustainabilityCriterion}.
	 */
	@FunctionalInterface
	interface Trial {

		boolean isSustainable(int rate);

	}

	record Step(int rate, boolean sustainable) {
	}

	/**
	 * @param maxRate R_max, 0 when no rate tried was sustainable
	 * @param steps every rate tried, in order
	 */
	record Outcome(int maxRate, List<Step> steps) {
	}

}
