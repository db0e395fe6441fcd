package com.example.shop.payment.application;

import java.math.BigDecimal;

import com.example.shop.payment.domain.CustomerId;

/**
 * An account's balance and stream version after a change.
 */
public record AccountBalance(CustomerId customerId, BigDecimal balance, String currency, long version) {

}
