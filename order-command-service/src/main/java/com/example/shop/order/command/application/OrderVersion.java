package com.example.shop.order.command.application;

import com.example.shop.order.command.domain.OrderId;

/**
 * An order and its stream version after a command: what a client needs for its next
 * conditional request.
 */
public record OrderVersion(OrderId orderId, long version) {

}
