package com.example.shop.order.command.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

import com.example.shop.order.command.domain.CustomerId;
import com.example.shop.order.command.domain.Order;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /orders}.
 */
@Schema(example = """
		{"customerId": "C-000123",
		 "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 19.99, "currency": "EUR"}],
		 "shippingAddress": {"name": "Ada Lovelace", "street": "1 Main St", "city": "Berlin",
		                     "postalCode": "10115", "country": "DE"}}
		""")
record PlaceOrderRequest(
		@NotNull @Pattern(regexp = CustomerId.FORMAT, message = "must look like C-000123") String customerId,
		@NotNull @Size(min = 1, max = Order.MAX_LINES) List<@NotNull @Valid Line> lines,
		@NotNull @Valid Address shippingAddress) {

	record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Positive Integer quantity,
			@NotNull @Positive BigDecimal unitPrice,
			@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
	}

	record Address(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String street,
			@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 20) String postalCode,
			@NotNull @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 alpha-2 code such as DE") String country) {
	}

}
