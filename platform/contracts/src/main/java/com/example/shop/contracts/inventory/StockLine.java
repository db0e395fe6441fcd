package com.example.shop.contracts.inventory;

/**
 * A quantity of one product.
 *
 * @param sku the product
 * @param quantity how many, positive
 */
public record StockLine(String sku, int quantity) {

}
