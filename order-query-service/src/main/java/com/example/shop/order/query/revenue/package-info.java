/**
 * The revenue report: one document per order with what it brought in, summed per UTC day
 * and currency when read.
 */
package com.example.shop.order.query.revenue;
