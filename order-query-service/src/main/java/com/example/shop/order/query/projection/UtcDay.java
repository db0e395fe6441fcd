package com.example.shop.order.query.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The reports' days are UTC days, stored as ISO dates ({@code yyyy-MM-dd}), which sort
 * and compare as text in the order of the days.
 */
public final class UtcDay {

	private UtcDay() {
	}

	public static String of(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
	}

}
