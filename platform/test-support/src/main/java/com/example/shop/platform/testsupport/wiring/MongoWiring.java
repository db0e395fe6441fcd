package com.example.shop.platform.testsupport.wiring;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document upserted twice through the service's MongoDB connection is one document with
 * the second value.
 */
public interface MongoWiring {

	@Test
	default void documentIsUpsertedAndReadBack(@Autowired MongoTemplate mongo) {
		String id = UUID.randomUUID().toString();
		Query byId = Query.query(Criteria.where("_id").is(id));

		mongo.upsert(byId, Update.update("status", "first"), "wiring_probe");
		mongo.upsert(byId, Update.update("status", "second"), "wiring_probe");

		assertThat(mongo.find(byId, Document.class, "wiring_probe")).singleElement()
			.satisfies((document) -> assertThat(document.getString("status")).isEqualTo("second"));
	}

}
