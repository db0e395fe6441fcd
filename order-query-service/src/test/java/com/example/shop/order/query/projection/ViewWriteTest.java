package com.example.shop.order.query.projection;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two writes to one document can become one: only when applying them one after the
 * other cannot differ from applying the merged write.
 */
class ViewWriteTest {

	@Test
	void twoWritesThatOnlySetFieldsBecomeOneAndTheLaterValueWins() {
		ViewWrite placed = ViewWrite.byId("o-1", new ViewUpdate().set("currency", "EUR").set("total", 10).toDocument());
		ViewWrite confirmed = ViewWrite.byId("o-1",
				new ViewUpdate().set("confirmedOn", "2026-11-27").set("total", 12).toDocument());

		ViewWrite merged = placed.followedBy(confirmed);

		assertThat(merged.filter()).isEqualTo(new Document("_id", "o-1"));
		assertThat(merged.update()).isEqualTo(new Document("$set",
				new Document("currency", "EUR").append("total", 12).append("confirmedOn", "2026-11-27")));
	}

	@Test
	void aConditionalWriteIsNotMerged() {
		ViewWrite conditional = new ViewWrite("o-1",
				new Document("_id", "o-1").append("version", new Document("$lt", 2L)),
				new ViewUpdate().set("status", "CONFIRMED").toDocument());
		ViewWrite plain = ViewWrite.byId("o-1", new ViewUpdate().set("status", "CANCELLED").toDocument());

		assertThat(conditional.followedBy(plain)).isNull();
		assertThat(plain.followedBy(conditional)).isNull();
	}

	@Test
	void otherOperatorsNestedPathsAndOtherDocumentsAreNotMerged() {
		ViewWrite plain = ViewWrite.byId("o-1", new ViewUpdate().set("total", 10).toDocument());

		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().min("at", 1).toDocument()))).isNull();
		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().set("total", 1).max("at", 1).toDocument())))
			.isNull();
		// "payment.amount" after "payment" would change part of what was just set
		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().set("payment.amount", 1).toDocument())))
			.isNull();
		assertThat(plain.followedBy(ViewWrite.byId("o-2", new ViewUpdate().set("total", 1).toDocument()))).isNull();
	}

}
