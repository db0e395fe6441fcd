package com.example.shop.order.query.projection;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When two writes to one document can become one: only when applying them one after the
 * other cannot differ from applying the merged write.
 */
class ViewWriteTest {

	@Test
	void twoWritesThatOnlySetFieldsBecomeOneAndTheLaterValueWins() {
		ViewWrite placed = ViewWrite.byId("o-1", new ViewUpdate().set("currency", "EUR").set("total", 10));
		ViewWrite confirmed = ViewWrite.byId("o-1", new ViewUpdate().set("confirmedOn", "2026-11-27").set("total", 12));

		ViewWrite merged = placed.followedBy(confirmed);

		assertThat(merged.id()).isEqualTo("o-1");
		assertThat(merged.versionBelow()).isNull();
		assertThat(merged.update().operators()).containsExactly(Map.entry(ViewUpdate.Operator.SET,
				ViewUpdate.document("currency", "EUR", "total", 12, "confirmedOn", "2026-11-27")));
		assertThat(merged.update().operators().get(ViewUpdate.Operator.SET)).containsExactly(
				Map.entry("currency", "EUR"), Map.entry("total", 12), Map.entry("confirmedOn", "2026-11-27"));
	}

	@Test
	void aConditionalWriteIsNotMerged() {
		ViewWrite conditional = ViewWrite.ifVersionBelow("o-1", 2L, new ViewUpdate().set("status", "CONFIRMED"));
		ViewWrite plain = ViewWrite.byId("o-1", new ViewUpdate().set("status", "CANCELLED"));

		assertThat(conditional.followedBy(plain)).isNull();
		assertThat(plain.followedBy(conditional)).isNull();
	}

	@Test
	void otherOperatorsNestedPathsAndOtherDocumentsAreNotMerged() {
		ViewWrite plain = ViewWrite.byId("o-1", new ViewUpdate().set("total", 10));

		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().min("at", 1)))).isNull();
		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().set("total", 1).max("at", 1)))).isNull();
		// "payment.amount" after "payment" would change part of what was just set
		assertThat(plain.followedBy(ViewWrite.byId("o-1", new ViewUpdate().set("payment.amount", 1)))).isNull();
		assertThat(plain.followedBy(ViewWrite.byId("o-2", new ViewUpdate().set("total", 1)))).isNull();
	}

}
