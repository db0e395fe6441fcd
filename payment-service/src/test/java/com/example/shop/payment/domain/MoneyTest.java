package com.example.shop.payment.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Amounts are kept at the scale of their currency and refused when they cannot be.
 */
class MoneyTest {

	@Test
	void keepsAmountsAtTheScaleOfTheirCurrency() {
		assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
		assertThat(Money.of("10.50000", "EUR").amount()).isEqualTo(new BigDecimal("10.50"));
		assertThat(Money.of("1000", "JPY").amount()).isEqualTo(new BigDecimal("1000"));
		assertThat(Money.of("0E-20", "EUR").amount()).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void refusesMoreDecimalsThanTheCurrencyHas() {
		assertThatThrownBy(() -> Money.of("10.001", "EUR")).isInstanceOf(InvalidAccountException.class)
			.hasMessageContaining("at most 2 decimals");
		assertThatThrownBy(() -> Money.of("10.5", "JPY")).isInstanceOf(InvalidAccountException.class);
		assertThatThrownBy(() -> Money.of("1E-999999999", "EUR")).isInstanceOf(InvalidAccountException.class);
	}

	@Test
	void refusesHugeAndNegativeAmounts() {
		assertThatThrownBy(() -> Money.of("1E+999999999", "EUR")).isInstanceOf(InvalidAccountException.class)
			.hasMessageContaining("integer digits");
		assertThatThrownBy(() -> Money.of("-0.01", "EUR")).isInstanceOf(InvalidAccountException.class);
		assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
	}

	@Test
	void refusesCodesThatAreNoCurrency() {
		assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(InvalidAccountException.class)
			.extracting((ex) -> ((InvalidAccountException) ex).field())
			.isEqualTo("currency");
		assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(InvalidAccountException.class);
		assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOf(InvalidAccountException.class);
	}

}
