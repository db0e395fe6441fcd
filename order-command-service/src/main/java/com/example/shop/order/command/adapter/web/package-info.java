/**
 * The REST API of the command side: {@code POST /orders}, {@code POST
 * /orders/{orderId}/cancellation}, {@code GET /orders/{orderId}/history}, and RFC 9457
 * problem details for every error.
 */
package com.example.shop.order.command.adapter.web;
