package com.example.shop.payment.adapter.web;

import java.math.BigDecimal;

/**
 * The answer to a command on an account: its balance and new version, which is also the
 * {@code ETag}.
 */
record BalanceResponse(String customerId, BigDecimal balance, String currency, long version) {

}
