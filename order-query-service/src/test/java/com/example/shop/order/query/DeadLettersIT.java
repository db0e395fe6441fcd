package com.example.shop.order.query;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Action;
import com.example.shop.platform.eventing.deadletter.DeadLetter.Disposition;
import com.example.shop.platform.eventing.deadletter.Dispositions;
import com.example.shop.platform.testsupport.ServiceApi;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service's dead letters over its REST API, decisions recorded in MongoDB: a
 * record the projections cannot read is listed with its cause, discarded once with a
 * reason, and then neither redriven nor discarded again; a claim is atomic and only its
 * holder completes it.
 */
@ServiceIntegrationTest
@Import(QueryTestDriver.Configuration.class)
class DeadLettersIT {

	@Autowired
	QueryTestDriver driver;

	@Autowired
	JsonMapper json;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ServiceApi api;

	@Autowired
	Dispositions dispositions;

	@Test
	void aRecordTheProjectionsCannotReadIsListedAndDiscardedOnceWithItsReason() {
		String orderId = UUID.randomUUID().toString();
		this.driver.publishRaw(Topics.ORDERS_EVENTS, orderId, "OrderPlaced", "{not json", 1L);

		JsonNode letter = awaitDeadLetter(orderId);
		assertThat(letter.path("status").asString()).isEqualTo("PENDING");
		assertThat(letter.path("type").asString()).isEqualTo("OrderPlaced");
		assertThat(letter.path("payload").asString()).isEqualTo("{not json");
		assertThat(letter.path("attempts").asInt()).isEqualTo(1);
		assertThat(letter.path("cause").asString()).isNotBlank();
		String path = "/dead-letters/" + Topics.ORDERS_EVENTS + "/" + letter.path("id").asString();

		assertThat(operations().post(path + "/discard", "{}").statusCode()).isEqualTo(400);
		assertThat(this.api.as(TestPrincipal.ALICE).post(path + "/discard", "{\"reason\":\"x\"}").statusCode())
			.isEqualTo(403);
		HttpResponse<String> discarded = operations().post(path + "/discard", "{\"reason\":\"typed by hand\"}");

		assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
		JsonNode decided = this.json.readTree(discarded.body());
		assertThat(decided.path("status").asString()).isEqualTo("DISCARDED");
		assertThat(decided.path("disposition").path("by").asString()).isEqualTo("olivia");
		assertThat(decided.path("disposition").path("reason").asString()).isEqualTo("typed by hand");
		Document stored = this.mongo.findById(
				Topics.deadLetter(Topics.ORDERS_EVENTS) + "/" + letter.path("id").asString().replace('-', '/'),
				Document.class, "dead_letter_dispositions");
		assertThat(stored).isNotNull();
		assertThat(stored.getString("action")).isEqualTo("DISCARD");
		assertThat(stored.getString("by")).isEqualTo("olivia");

		HttpResponse<String> again = operations().post(path + "/redrive", "{}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(again.body()).path("detail").asString()).contains("discarded by olivia");
		assertThat(operations().post(path + "/discard", "{\"reason\":\"twice\"}").statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(operations().get(path).body()).path("status").asString()).isEqualTo("DISCARDED");
	}

	@Test
	void aDecisionIsClaimedOnceAndOnlyItsHolderCompletesOrWithdrawsIt() {
		Dispositions.Position position = new Dispositions.Position("claims-it-dlt", 0,
				Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Disposition first = new Disposition(Action.REDRIVE, "olivia", now, null, false);
		Disposition second = new Disposition(Action.REDRIVE, "oscar", now, null, false);

		assertThat(this.dispositions.claim(position, first, now.minusSeconds(60))).isTrue();
		assertThat(this.dispositions.claim(position, second, now.minusSeconds(60))).isFalse();
		assertThat(this.dispositions.complete(position, second)).isFalse();
		this.dispositions.release(position, second);
		assertThat(this.dispositions.find("claims-it-dlt", 0, List.of(position.offset())))
			.extractingByKey(position.offset())
			.satisfies((held) -> assertThat(held.by()).isEqualTo("olivia"));

		// abandoned a minute later: taken over, and the first holder can no longer
		// complete it
		Disposition later = new Disposition(Action.REDRIVE, "oscar", now.plusSeconds(61), null, false);
		assertThat(this.dispositions.claim(position, later, now.plusSeconds(1))).isTrue();
		assertThat(this.dispositions.complete(position, first)).isFalse();
		assertThat(this.dispositions.complete(position, later)).isTrue();
		assertThat(this.dispositions.claim(position, first, now.plusSeconds(120))).isFalse();
	}

	@Test
	void forgetsTheDecisionsAboutRecordsBeforeAnOffsetInMongoDb() {
		Instant now = Instant.now();
		for (long offset = 0; offset < 3; offset++) {
			this.dispositions.claim(new Dispositions.Position("forget-it-dlt", 0, offset),
					new Disposition(Action.DISCARD, "olivia", now, "noise", true), null);
		}
		this.dispositions.claim(new Dispositions.Position("forget-it-dlt", 1, 0),
				new Disposition(Action.DISCARD, "olivia", now, "noise", true), null);

		this.dispositions.forgetBefore("forget-it-dlt", 0, 2);

		assertThat(this.dispositions.find("forget-it-dlt", 0, List.of(0L, 1L, 2L))).containsOnlyKeys(2L);
		assertThat(this.dispositions.find("forget-it-dlt", 1, List.of(0L))).as("another partition's")
			.containsOnlyKeys(0L);
	}

	@Test
	void listsTheTopicsItConsumes() {
		HttpResponse<String> topics = operations().get("/dead-letters");

		assertThat(topics.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(topics.body()).path("topics").findValuesAsString("topic"))
			.containsExactly(Topics.INVENTORY_EVENTS, Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS);
	}

	private JsonNode awaitDeadLetter(String key) {
		JsonNode[] found = new JsonNode[1];
		QueryTestDriver.awaitTrue(() -> {
			String after = null;
			do {
				HttpResponse<String> page = operations().get("/dead-letters/" + Topics.ORDERS_EVENTS + "?size=100"
						+ ((after != null) ? "&after=" + after : ""));
				assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
				JsonNode body = this.json.readTree(page.body());
				for (JsonNode letter : body.path("deadLetters")) {
					if (key.equals(letter.path("key").asString())) {
						found[0] = letter;
						return true;
					}
				}
				after = body.path("next").isNull() ? null : body.path("next").asString(null);
			}
			while (after != null);
			return false;
		});
		return found[0];
	}

	/** The API as an operator sees it. */
	private ServiceApi operations() {
		return this.api.as(TestPrincipal.OPERATIONS);
	}

}
