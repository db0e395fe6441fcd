package com.example.shop.order.query.projection;

import java.util.List;

/**
 * Where the views live: the engine's port to the document store, implemented in
 * {@code adapter.persistence}. A view is a named collection of documents with an id each.
 */
public interface ViewStore {

	/**
	 * Applies the writes, in order per document, with as few round trips as the store
	 * allows. Each write is an upsert; one whose condition does not hold changes nothing
	 * and is not an error.
	 * @throws RuntimeException when a write fails for another reason; some writes may
	 * have been applied, and applying them again is harmless
	 */
	void write(String collection, List<ViewWrite> writes);

	/**
	 * Creates the indexes in the collection; creating one that exists changes nothing.
	 */
	void createIndexes(String collection, List<ViewIndex> indexes);

	/**
	 * Drops the collection and its documents, if it exists.
	 */
	void drop(String collection);

}
