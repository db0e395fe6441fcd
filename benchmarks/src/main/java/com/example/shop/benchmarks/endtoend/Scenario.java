package com.example.shop.benchmarks.endtoend;

/**
 * What an order of the load is meant to exercise, and so how it is placed.
 */
enum Scenario {

	/** A customer with money orders a product in stock to a served country: confirmed. */
	HAPPY("happy"),

	/**
	 * A customer whose account cannot pay: the charge fails and the order is rejected.
	 */
	INSUFFICIENT_FUNDS("insufficient-funds"),

	/**
	 * The customer asks to cancel as soon as the order is accepted: cancelled, or
	 * confirmed when the saga finished first.
	 */
	CANCELLATION("cancellation");

	private final String label;

	Scenario(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static Scenario ofLabel(String label) {
		for (Scenario scenario : values()) {
			if (scenario.label.equals(label)) {
				return scenario;
			}
		}
		throw new IllegalArgumentException(
				"Unknown scenario '" + label + "': use happy, insufficient-funds or cancellation");
	}

}
