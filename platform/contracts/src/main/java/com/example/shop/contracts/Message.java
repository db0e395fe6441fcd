package com.example.shop.contracts;

/**
 * Everything that crosses a service boundary on Kafka: an {@link Event} a context
 * publishes or a {@link Command} the fulfilment saga sends. Each is about one order and
 * travels keyed by its id, so that one order's messages stay in order.
 */
public sealed interface Message permits Event, Command {

	/**
	 * The order this message is about; also its record key.
	 */
	OrderId orderId();

}
