package com.example.shop.inventory.domain;

/**
 * A product an order wanted more of than was available.
 *
 * @param available how many were available, zero for an unknown product
 */
public record Shortage(Sku sku, int requested, int available) {

}
