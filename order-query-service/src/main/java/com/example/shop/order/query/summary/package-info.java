/**
 * The order summary: one document per order with its lines, status, payment, reservation,
 * shipment and timeline, built from the orders, payments and inventory events, and read
 * by order id or per customer.
 */
package com.example.shop.order.query.summary;
