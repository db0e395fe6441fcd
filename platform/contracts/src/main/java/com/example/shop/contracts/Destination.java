package com.example.shop.contracts;

/**
 * Where a shipment goes.
 *
 * @param name recipient
 * @param street street and number
 * @param city city
 * @param postalCode postal code
 * @param country ISO 3166-1 alpha-2 code
 */
public record Destination(String name, String street, String city, String postalCode, String country) {

}
