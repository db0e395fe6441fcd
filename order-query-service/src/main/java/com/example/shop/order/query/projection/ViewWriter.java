package com.example.shop.order.query.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of {@link ViewWrite}s with as few round trips as it can: one unordered
 * bulk write per <em>round</em>, where a round holds at most one write per document.
 * Writes to the same document keep their order across rounds, and writes to different
 * documents are independent, so no round depends on the order in which the server applies
 * its writes (MongoDB stops an ordered bulk at its first error, the local MongoDB wire
 * server does not). Consecutive writes to one document that only set its fields (the
 * revenue report's) become one write ({@link ViewWrite#followedBy}): the same document,
 * one write fewer, which counts when a backlog brings an order's events in one poll.
 * <p>
 * A write's insert may fail on a duplicate {@code _id}: its condition did not hold (a
 * duplicate or stale event), or another listener created the document between the match
 * and the insert. Either way the write is redone as a plain update, which only the
 * condition decides. (The views have no other unique index, so a duplicate key is always
 * the {@code _id}.) No multi-document transaction is involved.
 */
@Component
class ViewWriter {

	private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private final MongoTemplate mongo;

	ViewWriter(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Applies the writes in order per document.
	 * @throws com.mongodb.MongoException when a write fails for another reason than a
	 * duplicate key; some writes may have been applied, and applying them again is
	 * harmless
	 */
	void write(String collection, List<ViewWrite> writes) {
		MongoCollection<Document> documents = this.mongo.getCollection(collection);
		List<ViewWrite> pending = writes;
		while (!pending.isEmpty()) {
			Map<String, Integer> inRound = new HashMap<>();
			Set<String> deferred = new HashSet<>();
			List<ViewWrite> round = new ArrayList<>();
			List<ViewWrite> later = new ArrayList<>();
			for (ViewWrite write : pending) {
				Integer earlier = inRound.get(write.id());
				ViewWrite merged = (earlier != null && !deferred.contains(write.id()))
						? round.get(earlier).followedBy(write) : null;
				if (merged != null) {
					round.set(earlier, merged);
				}
				else if (earlier == null) {
					inRound.put(write.id(), round.size());
					round.add(write);
				}
				else {
					// this document's writes from here on wait for the next round, in
					// order
					deferred.add(write.id());
					later.add(write);
				}
			}
			apply(documents, round);
			pending = later;
		}
	}

	private static void apply(MongoCollection<Document> documents, List<ViewWrite> round) {
		try {
			documents.bulkWrite(round.stream()
				.map((write) -> new UpdateOneModel<Document>(write.filter(), write.update(), UPSERT))
				.toList(), UNORDERED);
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteConcernError() != null
					|| ex.getWriteErrors().stream().anyMatch((error) -> !isDuplicateKey(error))) {
				throw ex;
			}
			for (BulkWriteError error : ex.getWriteErrors()) {
				ViewWrite write = round.get(error.getIndex());
				documents.updateOne(write.filter(), write.update());
			}
		}
	}

	private static boolean isDuplicateKey(BulkWriteError error) {
		return error.getCategory() == ErrorCategory.DUPLICATE_KEY;
	}

}
