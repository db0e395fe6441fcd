package com.example.shop.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an order was charged, and whether it went back.
 */
public record Charge(OrderId orderId, BigDecimal amount, Instant chargedAt, boolean refunded) {

}
