package com.example.shop.order.query.view;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Single-document upserts that stay correct when two listeners create the same document
 * at once: the loser of the insert race gets a duplicate key and applies its update to
 * the document that now exists. No multi-document transaction is involved.
 */
final class Upserts {

	private Upserts() {
	}

	/**
	 * Applies the update to the document with this id, creating it if there is none.
	 */
	static void byId(MongoTemplate mongo, String collection, String id, Update update) {
		Query query = Query.query(Criteria.where("_id").is(id));
		try {
			mongo.upsert(query, update, collection);
		}
		catch (DuplicateKeyException ex) {
			mongo.updateFirst(query, update, collection);
		}
	}

	/**
	 * Applies the update to the document the query selects by {@code _id} and a
	 * condition, creating the document if there is none with that id.
	 * @return whether a document matched or was created
	 */
	static boolean conditionally(MongoTemplate mongo, String collection, Query query, Update update) {
		try {
			var result = mongo.upsert(query, update, collection);
			return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			// the document exists but did not match, or was created by another listener
			// between the match and the insert: only the condition decides now
			return mongo.updateFirst(query, update, collection).getMatchedCount() > 0;
		}
	}

}
