package com.example.shop.payment.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

import com.example.shop.payment.domain.CustomerId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The body of {@code POST /accounts}.
 */
@Schema(example = """
		{"customerId": "C-000123", "currency": "EUR", "initialBalance": 100.00}
		""")
record OpenAccountRequest(
		@NotNull @Pattern(regexp = CustomerId.FORMAT, message = "must look like C-000123") String customerId,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
		@NotNull @PositiveOrZero BigDecimal initialBalance) {

}
