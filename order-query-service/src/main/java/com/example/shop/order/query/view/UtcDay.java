package com.example.shop.order.query.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reports' days are UTC days, stored as ISO dates ({@code yyyy-MM-dd}), which sort
 * and compare as text in the order of the days.
 */
final class UtcDay {

	private UtcDay() {
	}

	static String of(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
	}

}
