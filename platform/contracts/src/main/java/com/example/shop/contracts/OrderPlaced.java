package com.example.shop.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer placed an order; it is pending until the fulfilment saga confirms or rejects
 * it.
 *
 * @param orderId the order
 * @param customerId the customer, e.g. {@code C-000123}
 * @param lines what was ordered
 * @param currency ISO 4217 code of every price
 * @param total the sum of all lines
 * @param shippingAddress where it goes
 * @param placedAt when it was placed
 */
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, String currency,
		BigDecimal total, ShippingAddress shippingAddress, Instant placedAt) implements OrderEvent {

}
