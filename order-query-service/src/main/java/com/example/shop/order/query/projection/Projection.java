package com.example.shop.order.query.projection;

import java.util.List;

/**
 * One read model's builder: which topics feed it and how an event changes it. Every
 * {@link #write} is idempotent, so a projection can be fed at least once, and rebuilt by
 * replaying its topics from offset 0 into a fresh collection.
 */
public interface Projection {

	/**
	 * The name in {@code /projections/{name}} and in the catalog.
	 */
	String name();

	/**
	 * The collection of its first generation; a rebuild writes to
	 * {@code <collection>_g<generation>}.
	 */
	String collection();

	/**
	 * The topics it is built from: the live listener subscribes to them and a rebuild
	 * replays them.
	 */
	List<String> topics();

	/**
	 * The indexes the queries of this view need, created in each collection that serves
	 * it before its first write.
	 */
	List<ViewIndex> indexes();

	/**
	 * The change an event makes to the view, applied by the {@link ViewStore}.
	 * @return {@code null} for an event this projection does not use
	 */
	ViewWrite write(ReceivedEvent event);

}
