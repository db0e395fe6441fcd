package com.example.shop.platform.eventing.aggregate;

import java.util.function.Function;

/**
 * How an aggregate with long streams is snapshotted: every {@code every} events, its
 * state is stored as a record of type {@code S} at {@code schemaVersion}. Changing the
 * state record means raising the schema version: older snapshots are then ignored and the
 * stream is replayed, never misread.
 *
 * @param every take a snapshot each time the stream crosses a multiple of this many
 * events
 * @param schemaVersion the version of the snapshot record's schema
 * @param stateType the snapshot record
 * @param take the aggregate's state as a snapshot record
 * @param restore an aggregate from a snapshot record
 * @param <A> the aggregate
 * @param <S> the snapshot record
 */
public record Snapshotting<A, S>(int every, int schemaVersion, Class<S> stateType, Function<A, S> take,
		Function<S, A> restore) {

	public Snapshotting {
		if (every < 1) {
			throw new IllegalArgumentException("every must be at least 1");
		}
	}

}
