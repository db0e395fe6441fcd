package com.example.shop.order.query.adapter.persistence;

import java.time.Instant;

import com.example.shop.order.query.projection.PointerStore;
import com.example.shop.order.query.projection.ProjectionCatalog.Pointer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The projections' pointers in the {@code projections} collection, one document per
 * projection with its name as {@code _id}. Each change is one single-document update,
 * which MongoDB applies atomically.
 */
@Component
class MongoPointerStore implements PointerStore {

	static final String COLLECTION = "projections";

	private final MongoTemplate mongo;

	MongoPointerStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Pointer find(String projection) {
		return this.mongo.findById(projection, Pointer.class, COLLECTION);
	}

	@Override
	public void createIfAbsent(Pointer pointer) {
		try {
			this.mongo.insert(pointer, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another instance created it first
		}
	}

	@Override
	public boolean startRebuild(String projection, String collection) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(projection).and("state").is("LIVE")),
					new Update().set("state", "REBUILDING").set("rebuildCollection", collection), COLLECTION)
			.getModifiedCount() == 1;
	}

	@Override
	public void switchTo(String projection, String collection, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(projection)),
				new Update().set("collection", collection)
					.inc("generation", 1)
					.set("state", "LIVE")
					.unset("rebuildCollection")
					.set("switchedAt", at),
				COLLECTION);
	}

	@Override
	public void abandonRebuild(String projection) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(projection)),
				new Update().set("state", "LIVE").unset("rebuildCollection"), COLLECTION);
	}

}
