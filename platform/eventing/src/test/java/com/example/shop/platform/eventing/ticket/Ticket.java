package com.example.shop.platform.eventing.ticket;

import java.util.List;

import com.example.shop.platform.eventing.aggregate.Aggregate;
import com.example.shop.platform.eventing.aggregate.EventTypes;
import com.example.shop.platform.eventing.aggregate.Snapshotting;
import com.example.shop.platform.eventing.aggregate.Upcaster;
import com.example.shop.platform.eventing.ticket.TicketEvent.TicketClosed;
import com.example.shop.platform.eventing.ticket.TicketEvent.TicketCommented;
import com.example.shop.platform.eventing.ticket.TicketEvent.TicketOpened;

/**
 * A test aggregate with long streams: a ticket collects comments until it is closed.
 */
public final class Ticket implements Aggregate<TicketEvent> {

	public static final EventTypes<TicketEvent> EVENT_TYPES = EventTypes.of(TicketEvent.class)
		.register(TicketOpened.class, "TicketOpened", 2)
		.register(TicketCommented.class, "TicketCommented", 1)
		.register(TicketClosed.class, "TicketClosed", 1)
		.upcaster(new Upcaster("TicketOpened", 1, (v1) -> {
			v1.set("subject", v1.remove("title"));
			v1.put("priority", "NORMAL");
			return v1;
		}));

	public static final Snapshotting<Ticket, State> SNAPSHOTS = new Snapshotting<>(1000, 1, State.class, Ticket::state,
			Ticket::new);

	private State state = new State(null, null, 0, null, false);

	public Ticket() {
	}

	private Ticket(State state) {
		this.state = state;
	}

	/**
	 * Everything the ticket knows; also its snapshot at schema version 1.
	 */
	public record State(String subject, String priority, int comments, String lastComment, boolean closed) {

	}

	public State state() {
		return this.state;
	}

	public List<TicketEvent> comment(String text) {
		if (this.state.closed()) {
			throw new IllegalStateException("closed");
		}
		return List.of(new TicketCommented(text));
	}

	@Override
	public void apply(TicketEvent event) {
		State s = this.state;
		this.state = switch (event) {
			case TicketOpened opened -> new State(opened.subject(), opened.priority(), 0, null, false);
			case TicketCommented commented ->
				new State(s.subject(), s.priority(), s.comments() + 1, commented.comment(), false);
			case TicketClosed closed -> new State(s.subject(), s.priority(), s.comments(), s.lastComment(), true);
		};
	}

}
