package com.example.shop.order.query.adapter.persistence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.shop.order.query.projection.ViewIndex;
import com.example.shop.order.query.projection.ViewStore;
import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The views in MongoDB. A batch of {@link ViewWrite}s goes out with as few round trips as
 * it can: one unordered bulk write per <em>round</em>, where a round holds at most one
 * write per document. Writes to the same document keep their order across rounds, and
 * writes to different documents are independent, so no round depends on the order in
 * which the server applies its writes (MongoDB stops an ordered bulk at its first error,
 * the local MongoDB wire server does not). Consecutive writes to one document that only
 * set its fields (the revenue report's) become one write ({@code ViewWrite.followedBy}):
 * the same document, one write fewer, which counts when a backlog brings an order's
 * events in one poll.
 * <p>
 * Each write is an upsert of the document its filter selects: {@code _id}, and
 * {@code version < n} for a conditional one. Its insert may fail on a duplicate
 * {@code _id}: the condition did not hold (a duplicate or stale event), or another
 * listener created the document between the match and the insert. Either way the write is
 * redone as a plain update, which only the condition decides. (The views have no other
 * unique index, so a duplicate key is always the {@code _id}.) No multi-document
 * transaction is involved.
 */
@Component
class MongoViewStore implements ViewStore {

	private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

	private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

	private static final Map<ViewUpdate.Operator, String> OPERATORS = new EnumMap<>(Map.of(ViewUpdate.Operator.SET,
			"$set", ViewUpdate.Operator.SET_ON_INSERT, "$setOnInsert", ViewUpdate.Operator.MIN, "$min",
			ViewUpdate.Operator.MAX, "$max", ViewUpdate.Operator.PUSH, "$push"));

	private final MongoTemplate mongo;

	MongoViewStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void write(String collection, List<ViewWrite> writes) {
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

	@Override
	public void createIndexes(String collection, List<ViewIndex> indexes) {
		for (ViewIndex index : indexes) {
			Index keys = new Index();
			index.keys()
				.forEach((key) -> keys.on(key.field(), key.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC));
			this.mongo.indexOps(collection).createIndex(keys);
		}
	}

	@Override
	public void drop(String collection) {
		this.mongo.dropCollection(collection);
	}

	/**
	 * The documents a write may change: the one with its id, and for a conditional write
	 * only while its {@code version} is below the write's.
	 */
	static Document filter(ViewWrite write) {
		Document filter = new Document("_id", write.id());
		if (write.versionBelow() != null) {
			filter.append("version", new Document("$lt", write.versionBelow()));
		}
		return filter;
	}

	/**
	 * The write's update operators as one document, which the driver encodes in one pass
	 * (its {@code Updates} builders render every operator into a document of its own
	 * first, then encode that again, which was most of the time the live listener spent
	 * building and sending its writes).
	 */
	static Document update(ViewWrite write) {
		Document update = new Document();
		write.update().operators().forEach((operator, fields) -> update.append(OPERATORS.get(operator), fields));
		return update;
	}

	private static void apply(MongoCollection<Document> documents, List<ViewWrite> round) {
		try {
			documents.bulkWrite(round.stream()
				.map((write) -> new UpdateOneModel<Document>(filter(write), update(write), UPSERT))
				.toList(), UNORDERED);
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteConcernError() != null
					|| ex.getWriteErrors().stream().anyMatch((error) -> !isDuplicateKey(error))) {
				throw ex;
			}
			for (BulkWriteError error : ex.getWriteErrors()) {
				ViewWrite write = round.get(error.getIndex());
				documents.updateOne(filter(write), update(write));
			}
		}
	}

	private static boolean isDuplicateKey(BulkWriteError error) {
		return error.getCategory() == ErrorCategory.DUPLICATE_KEY;
	}

}
