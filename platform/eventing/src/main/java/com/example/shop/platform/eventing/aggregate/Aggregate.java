package com.example.shop.platform.eventing.aggregate;

/**
 * The state of an event-sourced aggregate. Its decisions live in methods of its own that
 * check invariants and return events; {@link #apply} only changes state, so that
 * replaying the stored events rebuilds it.
 *
 * @param <E> the aggregate's sealed event interface
 */
public interface Aggregate<E> {

	void apply(E event);

}
