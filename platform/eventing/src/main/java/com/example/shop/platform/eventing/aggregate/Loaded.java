package com.example.shop.platform.eventing.aggregate;

/**
 * An aggregate and the stream version it was rebuilt from; saving it expects the stream
 * still at that version.
 *
 * @param id the aggregate's id
 * @param aggregate its state
 * @param version its stream version, 0 for an aggregate that has no events yet
 * @param <I> the aggregate's id
 * @param <A> the aggregate
 */
public record Loaded<I, A>(I id, A aggregate, long version) {

	public boolean isNew() {
		return this.version == 0;
	}

}
