package com.example.shop.contracts;

/**
 * Where an order is shipped: a place, without the person who receives it (see
 * {@link OrderPlaced#recipient()}).
 *
 * @param street street and number
 * @param city the city
 * @param postalCode the postal code
 * @param country ISO 3166-1 alpha-2 country code
 */
public record ShippingAddress(String street, String city, String postalCode, String country) {

}
