package com.example.shop.platform.eventing.ticket;

/**
 * The events of the test aggregate. {@code TicketOpened} is at schema version 2: version
 * 1 called the subject {@code title} and had no priority.
 */
public sealed interface TicketEvent {

	record TicketOpened(String subject, String priority) implements TicketEvent {
	}

	record TicketCommented(String comment) implements TicketEvent {
	}

	record TicketClosed() implements TicketEvent {
	}

}
