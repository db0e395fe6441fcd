package com.example.shop.inventory.domain.allocation;

import com.example.shop.inventory.domain.InvalidStockException;

/**
 * Where a shipment goes. Only the country matters to the warehouse, which serves a
 * configured list of countries.
 *
 * @param country ISO 3166-1 alpha-2 code
 */
public record Destination(String name, String street, String city, String postalCode, String country) {

	public Destination {
		if (country == null || !country.matches("[A-Z]{2}")) {
			throw new InvalidStockException("destination.country", "must be an ISO 3166-1 alpha-2 code such as DE");
		}
	}

}
