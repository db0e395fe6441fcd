package com.example.shop.inventory.domain.allocation;

import com.example.shop.inventory.domain.Sku;

/**
 * A product an order wanted more of than was available.
 *
 * @param available how many were available, zero for an unknown product
 */
public record Shortage(Sku sku, int requested, int available) {

}
