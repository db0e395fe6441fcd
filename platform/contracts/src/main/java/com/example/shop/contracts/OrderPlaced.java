package com.example.shop.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A customer placed an order; it is pending until the fulfilment saga confirms or rejects
 * it.
 * <p>
 * Version 2 names the recipient apart from the address: a consumer that routes by place
 * reads the address without a person's name. Version 1 carried the recipient as
 * {@code shippingAddress.name}; {@link #fromVersion1} moves it, so old records on the
 * topic still read.
 *
 * @param orderId the order
 * @param customerId the customer, e.g. {@code C-000123}
 * @param lines what was ordered
 * @param currency ISO 4217 code of every price
 * @param total the sum of all lines
 * @param recipient who receives the parcel (since version 2)
 * @param shippingAddress where it goes
 * @param placedAt when it was placed
 */
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, String currency,
		BigDecimal total, String recipient, ShippingAddress shippingAddress, Instant placedAt) implements OrderEvent {

	/**
	 * Version 1 to 2: {@code shippingAddress.name} becomes {@code recipient}.
	 */
	static ObjectNode fromVersion1(ObjectNode v1) {
		ObjectNode v2 = v1.deepCopy();
		if (v2.get("shippingAddress") instanceof ObjectNode address) {
			JsonNode name = address.remove("name");
			if (name != null) {
				v2.set("recipient", name);
			}
		}
		return v2;
	}

}
