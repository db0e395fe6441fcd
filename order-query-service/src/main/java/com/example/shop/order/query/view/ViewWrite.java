package com.example.shop.order.query.view;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One event's change to one document of a view: an upsert of the document the filter
 * selects, which always includes the document's {@code _id}. The filter may add a
 * condition (the order summary's {@code version < n}); when the document exists but does
 * not meet it, the upsert's insert fails on the duplicate {@code _id} and the write
 * changes nothing.
 *
 * @param id the document's {@code _id}, the order id
 * @param filter {@code _id} and any condition
 * @param update the update operators ({@link ViewUpdate})
 */
record ViewWrite(String id, Bson filter, Bson update) {

	/**
	 * A write to the document with this id, whatever it holds, creating it if there is
	 * none.
	 */
	static ViewWrite byId(String id, Bson update) {
		return new ViewWrite(id, new Document("_id", id), update);
	}

}
