package com.example.shop.payment.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /accounts/{customerId}/deposits}: an amount in the account's
 * currency.
 */
@Schema(example = """
		{"amount": 25.00, "currency": "EUR"}
		""")
record DepositRequest(@NotNull @Positive BigDecimal amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

}
