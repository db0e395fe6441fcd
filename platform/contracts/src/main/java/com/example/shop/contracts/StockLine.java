package com.example.shop.contracts;

/**
 * A quantity of one product.
 *
 * @param sku the product
 * @param quantity how many, positive
 */
public record StockLine(Sku sku, int quantity) {

}
