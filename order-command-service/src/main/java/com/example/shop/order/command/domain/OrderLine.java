package com.example.shop.order.command.domain;

import java.math.BigDecimal;

/**
 * One line of an order: a positive quantity of a product at a positive price.
 */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice, String currency) {

	public OrderLine {
		if (sku == null || sku.isBlank()) {
			throw new InvalidOrderException("sku", "must not be blank");
		}
		if (quantity <= 0) {
			throw new InvalidOrderException("quantity", "must be positive");
		}
		if (unitPrice == null || unitPrice.signum() <= 0) {
			throw new InvalidOrderException("unitPrice", "must be greater than zero");
		}
		if (currency == null || !currency.matches("[A-Z]{3}")) {
			throw new InvalidOrderException("currency", "must be an ISO 4217 code such as EUR");
		}
	}

	public BigDecimal total() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
