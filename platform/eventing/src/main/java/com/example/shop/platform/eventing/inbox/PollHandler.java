package com.example.shop.platform.eventing.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a consumer does with the records of a poll that the {@link Inbox} has not seen
 * before, all in the poll's transaction: each record decoded once, then one
 * {@link #prepare} for them all, then each applied in offset order.
 *
 * @param <V> the records' value
 * @param <T> a record decoded
 */
public interface PollHandler<V, T> {

	/**
	 * Reads a record; what it throws fails this record, as if applying it had failed
	 * ({@link InvalidMessageException} sends it to the dead letters at once).
	 */
	T decode(ConsumerRecord<String, V> record);

	/**
	 * Gets ready to apply these messages, before the first is applied: loads the
	 * aggregates, or locks the sagas, that they touch with one query, so that applying
	 * each then reads nothing. It is called only for two messages or more and is only an
	 * optimisation: a message whose ids it cannot read it leaves to {@link #apply}, which
	 * fails it on its own. By default it does nothing.
	 */
	default void prepare(List<T> messages) {
	}

	/**
	 * Applies one record, given as it was decoded.
	 */
	void apply(ConsumerRecord<String, V> record, T message);

	/**
	 * The ids that {@code ids} reads from each message, for {@link #prepare}: a message
	 * it fails on is left out, for {@link #apply} to fail it alone.
	 */
	static <T, I> List<I> idsOf(List<T> messages, Function<? super T, ? extends Collection<? extends I>> ids) {
		List<I> all = new ArrayList<>(messages.size());
		for (T message : messages) {
			try {
				all.addAll(ids.apply(message));
			}
			catch (RuntimeException ex) {
				// left to apply, which fails the message with the reason
			}
		}
		return all;
	}

}
