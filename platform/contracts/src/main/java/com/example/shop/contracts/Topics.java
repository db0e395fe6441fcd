package com.example.shop.contracts;

/**
 * Topic names. Each context publishes its events on {@code <context>.events} and receives
 * commands on {@code <context>.commands}; a record that cannot be processed goes to
 * {@code <topic>-dlt}.
 */
public final class Topics {

	public static final String ORDERS_EVENTS = "orders.events";

	public static final String ORDERS_COMMANDS = "orders.commands";

	public static final String PAYMENTS_EVENTS = "payments.events";

	public static final String PAYMENTS_COMMANDS = "payments.commands";

	public static final String INVENTORY_EVENTS = "inventory.events";

	public static final String INVENTORY_COMMANDS = "inventory.commands";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + "-dlt";
	}

}
