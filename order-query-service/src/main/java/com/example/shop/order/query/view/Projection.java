package com.example.shop.order.query.view;

import java.util.List;

/**
 * One read model's builder: which topics feed it and how an event changes it. Every
 * {@link #apply} is idempotent, so a projection can be fed at least once, and rebuilt by
 * replaying its topics from offset 0 into a fresh collection.
 */
interface Projection {

	/**
	 * The name in {@code /projections/{name}} and in the catalog.
	 */
	String name();

	/**
	 * The topics it is built from.
	 */
	List<String> topics();

	/**
	 * Applies an event to the given collection.
	 * @return whether the event was one this projection uses (duplicates included)
	 */
	boolean apply(ReceivedEvent event, String collection);

	/**
	 * Creates the indexes the queries of this view need in a collection serving it.
	 */
	void createIndexes(String collection);

}
