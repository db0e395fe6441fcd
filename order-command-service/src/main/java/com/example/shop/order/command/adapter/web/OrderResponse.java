package com.example.shop.order.command.adapter.web;

/**
 * The answer to a command: the order and its new version, which is also the {@code ETag}.
 */
record OrderResponse(String orderId, long version) {

}
