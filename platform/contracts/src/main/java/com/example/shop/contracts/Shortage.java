package com.example.shop.contracts;

/**
 * A product an order wanted more of than was available.
 *
 * @param sku the product
 * @param requested how many the order wanted
 * @param available how many were available, zero for an unknown product
 */
public record Shortage(Sku sku, int requested, int available) {

}
