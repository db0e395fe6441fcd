package com.example.shop.order.command.domain;

/**
 * Where an order is shipped; every part is required.
 */
public record ShippingAddress(String name, String street, String city, String postalCode, String country) {

	public ShippingAddress {
		require("name", name);
		require("street", street);
		require("city", city);
		require("postalCode", postalCode);
		if (country == null || !country.matches("[A-Z]{2}")) {
			throw new InvalidOrderException("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as DE");
		}
	}

	private static void require(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidOrderException("shippingAddress." + field, "must not be blank");
		}
	}

}
