package com.example.shop.payment.domain;

import java.util.List;

/**
 * What an account decided about a saga command: the events to store and the outcome to
 * answer with. A repeated command stores nothing and is answered with the outcome it had
 * the first time.
 *
 * @param events the new events, empty when nothing changes
 * @param outcome the event to answer with: the new one, or the first one for the order
 * @param repeated whether the outcome was decided by an earlier command for the order
 * @param <O> the kind of outcome
 */
public record Decision<O extends AccountEvent>(List<AccountEvent> events, O outcome, boolean repeated) {

	public Decision {
		events = List.copyOf(events);
	}

	/**
	 * A first outcome, stored.
	 */
	static <O extends AccountEvent> Decision<O> recorded(O outcome) {
		return new Decision<>(List.of(outcome), outcome, false);
	}

	/**
	 * The outcome of an earlier command for the same order, stored then.
	 */
	static <O extends AccountEvent> Decision<O> repeated(O outcome) {
		return new Decision<>(List.of(), outcome, true);
	}

	/**
	 * An answer with nothing to store: there is no account to store it in.
	 */
	static <O extends AccountEvent> Decision<O> unrecorded(O outcome) {
		return new Decision<>(List.of(), outcome, false);
	}

}
