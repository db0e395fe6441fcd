package com.example.shop.order.query.projection;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Reads topics again from their start, for a rebuild: the engine's port to the broker,
 * implemented in {@code adapter.messaging}. A replay has a reader of its own, in no
 * consumer group, so it moves no live listener's position.
 */
public interface TopicReplay {

	/**
	 * A reader of every partition of the topics, from their first records.
	 */
	Reader fromStart(List<String> topics);

	/**
	 * One replay's reader.
	 */
	interface Reader extends AutoCloseable {

		/**
		 * Hands the records up to the end of each partition, as it is at the call, to
		 * {@code poll} a batch at a time, in order per partition.
		 * @return the sum of what {@code poll} returned
		 * @throws IllegalStateException when the thread is interrupted
		 */
		long readToEnd(ToLongFunction<List<TopicRecord>> poll);

		@Override
		void close();

	}

}
