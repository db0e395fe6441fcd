package com.example.shop.contracts;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku the product
 * @param quantity how many
 * @param unitPrice the price of one, in the order's currency
 */
public record OrderLine(Sku sku, int quantity, BigDecimal unitPrice) {

}
