package com.example.shop.order.query.adapter.persistence;

import java.util.List;

import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a {@link ViewWrite} becomes MongoDB's filter and update: the condition on
 * {@code version} and one operator per kind of change.
 */
class MongoViewStoreTest {

	@Test
	void aConditionalWriteSelectsTheDocumentOnlyBelowItsVersion() {
		ViewWrite write = ViewWrite.ifVersionBelow("o-1", 3L, new ViewUpdate().set("status", "CONFIRMED"));

		assertThat(MongoViewStore.filter(write))
			.isEqualTo(new Document("_id", "o-1").append("version", new Document("$lt", 3L)));
		assertThat(MongoViewStore.filter(ViewWrite.byId("o-1", new ViewUpdate().set("status", "CANCELLED"))))
			.isEqualTo(new Document("_id", "o-1"));
	}

	@Test
	void eachOperatorBecomesItsUpdateOperatorWithItsFieldsInOrder() {
		ViewWrite write = ViewWrite.byId("o-1",
				new ViewUpdate().set("status", "PENDING")
					.set("lines", List.of(ViewUpdate.document("sku", "SKU-1", "quantity", 2)))
					.setOnInsert("version", 0L)
					.min("payment.chargedAt", 5)
					.max("updatedAt", 7)
					.push("timeline", ViewUpdate.document("event", "OrderPlaced", "version", 1L)));

		Document update = MongoViewStore.update(write);

		assertThat(update.keySet()).containsExactly("$set", "$setOnInsert", "$min", "$max", "$push");
		assertThat(update.get("$set")).isEqualTo(new Document("status", "PENDING").append("lines",
				List.of(new Document("sku", "SKU-1").append("quantity", 2))));
		assertThat(update.get("$setOnInsert")).isEqualTo(new Document("version", 0L));
		assertThat(update.get("$min")).isEqualTo(new Document("payment.chargedAt", 5));
		assertThat(update.get("$max")).isEqualTo(new Document("updatedAt", 7));
		assertThat(update.get("$push"))
			.isEqualTo(new Document("timeline", new Document("event", "OrderPlaced").append("version", 1L)));
	}

}
