package com.example.shop.platform.eventing.outbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox writes a transaction's messages when it commits, in one statement.
 */
@SpringBootTest
@RealInfrastructure
class OutboxIT {

	private static final EventMetadata METADATA = EventMetadata.newRequest("test", null);

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	final String topic = "outbox-" + UUID.randomUUID();

	@Test
	void writesWhatATransactionAddedWhenItCommitsInTheOrderAddedAndWakesTheRelayOnce() {
		AtomicInteger wakeUps = new AtomicInteger();
		Outbox outbox = new Outbox(jdbc, json, wakeUps::incrementAndGet);

		transactions.executeWithoutResult((status) -> {
			outbox.add(List.of(message("k1", "first"), message("k2", "second")));
			outbox.add(List.of(message("k1", "third")));
			assertThat(rows()).as("nothing written before the commit").isEmpty();
			assertThat(wakeUps).hasValue(0);
		});

		assertThat(rows()).containsExactly("first", "second", "third");
		assertThat(wakeUps).hasValue(1);
	}

	@Test
	void aTransactionStartedWhileAnotherWaitsWritesItsOwnMessagesOnly() {
		Outbox outbox = new Outbox(jdbc, json, () -> {
		});
		TransactionTemplate requiresNew = new TransactionTemplate(transactions.getTransactionManager());
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		transactions.executeWithoutResult((status) -> {
			outbox.add(List.of(message("k1", "outer")));
			requiresNew.executeWithoutResult((inside) -> outbox.add(List.of(message("k2", "inner"))));
			assertThat(CompletableFuture.supplyAsync(this::rows).join()).as("committed with the inner transaction")
				.containsExactly("inner");
		});

		assertThat(rows()).containsExactly("inner", "outer");
	}

	@Test
	void aTransactionThatRollsBackWritesNothingAndWakesNoOne() {
		AtomicInteger wakeUps = new AtomicInteger();
		Outbox outbox = new Outbox(jdbc, json, wakeUps::incrementAndGet);

		assertThatThrownBy(() -> transactions.executeWithoutResult((status) -> {
			outbox.add(List.of(message("k1", "never")));
			throw new IllegalStateException("abort");
		})).hasMessage("abort");

		assertThat(rows()).isEmpty();
		assertThat(wakeUps).hasValue(0);
		transactions.executeWithoutResult((status) -> outbox.add(List.of(message("k1", "next"))));
		assertThat(rows()).as("the next transaction starts with nothing pending").containsExactly("next");
	}

	@Test
	void aMessageTheTableRefusesFailsTheCommitAndRollsTheChangeBack() {
		Outbox outbox = new Outbox(jdbc, json, () -> {
		});
		String marker = "effect-" + UUID.randomUUID();

		assertThatThrownBy(() -> transactions.executeWithoutResult((status) -> {
			jdbc.update("INSERT INTO inbox_test_effect (message_id, payload) VALUES (?, '')", marker);
			outbox.add(List.of(message("k1", "fine"), OutboxMessage.of(topic, null, "Noted", "{}", METADATA)));
		})).hasMessageContaining("message_key");

		assertThat(rows()).isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_test_effect WHERE message_id = ?", Integer.class,
				marker))
			.isZero();
	}

	private OutboxMessage message(String key, String note) {
		return OutboxMessage.of(topic, key, "Noted", "{\"note\":\"" + note + "\"}", METADATA);
	}

	private List<String> rows() {
		return jdbc.queryForList("SELECT payload::jsonb ->> 'note' FROM outbox_message WHERE topic = ? ORDER BY id",
				String.class, topic);
	}

}
