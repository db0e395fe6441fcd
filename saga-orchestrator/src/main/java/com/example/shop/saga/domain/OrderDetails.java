package com.example.shop.saga.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the saga needs to know of the order it fulfils, taken from {@code OrderPlaced}.
 *
 * @param customerId who pays
 * @param total what to charge
 * @param currency ISO 4217 code of the total
 * @param lines what to reserve and ship
 * @param destination where to ship
 */
public record OrderDetails(String customerId, BigDecimal total, String currency, List<Line> lines,
		Destination destination) {

	public OrderDetails {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(total, "total");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(destination, "destination");
		lines = List.copyOf(lines);
	}

	public record Line(String sku, int quantity) {

	}

	public record Destination(String name, String street, String city, String postalCode, String country) {

	}

}
