package com.example.shop.platform.eventing.deadletter;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Disposition;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The decisions in MongoDB, collection {@value #COLLECTION}, one document per record
 * keyed by its position: a claim inserts it, so of two at once the second meets the
 * unique {@code _id}; taking over an abandoned redrive is one conditional update.
 */
public class MongoDispositions implements Dispositions {

	static final String COLLECTION = "dead_letter_dispositions";

	private final MongoOperations mongo;

	public MongoDispositions(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public boolean claim(Position position, Disposition disposition, @Nullable Instant takeOverBefore) {
		try {
			this.mongo.insert(document(position, disposition), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			if (takeOverBefore == null) {
				return false;
			}
			Update takeOver = new Update().set("action", disposition.action().name())
				.set("by", disposition.by())
				.set("reason", disposition.reason())
				.set("at", Date.from(disposition.at()))
				.set("completed", disposition.completed());
			return this.mongo.updateFirst(query(
					where("_id").is(id(position)).and("completed").is(false).and("at").lt(Date.from(takeOverBefore))),
					takeOver, COLLECTION)
				.getModifiedCount() == 1;
		}
	}

	@Override
	public boolean complete(Position position, Disposition claim) {
		return this.mongo.updateFirst(held(position, claim), new Update().set("completed", true), COLLECTION)
			.getModifiedCount() == 1;
	}

	@Override
	public void release(Position position, Disposition claim) {
		this.mongo.remove(held(position, claim), COLLECTION);
	}

	private static Query held(Position position, Disposition claim) {
		return query(where("_id").is(id(position))
			.and("by")
			.is(claim.by())
			.and("at")
			.is(Date.from(claim.at()))
			.and("completed")
			.is(false));
	}

	@Override
	public Map<Long, Disposition> find(String deadLetterTopic, int partition, Collection<Long> offsets) {
		Map<Long, Disposition> found = new HashMap<>();
		if (offsets.isEmpty()) {
			return found;
		}
		var ids = offsets.stream().map((offset) -> id(new Position(deadLetterTopic, partition, offset))).toList();
		for (Document document : this.mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION)) {
			found.put(((Number) document.get("offset")).longValue(),
					new Disposition(Action.valueOf(document.getString("action")), document.getString("by"),
							document.getDate("at").toInstant(), document.getString("reason"),
							document.getBoolean("completed")));
		}
		return found;
	}

	@Override
	public void forgetBefore(String deadLetterTopic, int partition, long offset) {
		this.mongo.remove(
				query(where("topic").is(deadLetterTopic).and("partition").is(partition).and("offset").lt(offset)),
				COLLECTION);
	}

	private static Document document(Position position, Disposition disposition) {
		return new Document("_id", id(position)).append("topic", position.deadLetterTopic())
			.append("partition", position.partition())
			.append("offset", position.offset())
			.append("action", disposition.action().name())
			.append("by", disposition.by())
			.append("reason", disposition.reason())
			.append("at", Date.from(disposition.at()))
			.append("completed", disposition.completed());
	}

	private static String id(Position position) {
		return position.deadLetterTopic() + "/" + position.partition() + "/" + position.offset();
	}

}
