package com.example.shop.platform.eventing.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.eventing.store.SnapshotStore;
import com.example.shop.platform.eventing.ticket.Ticket;
import com.example.shop.platform.eventing.ticket.TicketEvent.TicketCommented;
import com.example.shop.platform.eventing.ticket.TicketEvent.TicketOpened;
import com.example.shop.platform.eventing.ticket.TicketEvent;
import com.example.shop.platform.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@RealInfrastructure
class AggregateRepositoryIT {

	private static final EventMetadata METADATA = EventMetadata.newRequest("test", null);

	@Autowired
	EventStore events;

	@Autowired
	SnapshotStore snapshots;

	@Autowired
	Outbox outbox;

	@Autowired
	JsonMapper json;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	AggregateRepository<String, Ticket, TicketEvent> tickets;

	AggregateRepository<String, Ticket, TicketEvent> ticketsWithoutSnapshots;

	@BeforeEach
	void repositories() {
		this.tickets = repository(Ticket.SNAPSHOTS);
		this.ticketsWithoutSnapshots = repository(null);
	}

	@Test
	void savesAndLoadsAnAggregate() {
		String id = UUID.randomUUID().toString();
		Loaded<String, Ticket> fresh = tickets.load(id);
		assertThat(fresh.isNew()).isTrue();

		long version = tickets.save(fresh, List.of(new TicketOpened("printer", "HIGH"), new TicketCommented("jammed")),
				METADATA, List.of());

		Loaded<String, Ticket> loaded = tickets.load(id);
		assertThat(version).isEqualTo(2);
		assertThat(loaded.version()).isEqualTo(2);
		assertThat(loaded.aggregate().state()).isEqualTo(new Ticket.State("printer", "HIGH", 1, "jammed", false));
		assertThat(events.readStream("ticket-" + id, 1)).extracting((e) -> e.type())
			.containsExactly("TicketOpened", "TicketCommented");
	}

	@Test
	void upcastsAnEventStoredWithTheOldSchema() {
		String id = UUID.randomUUID().toString();
		// written by the code of schema version 1: "title", no priority
		jdbc.update("""
				INSERT INTO event_store (stream_id, version, event_id, event_type, data, metadata)
				VALUES (?, 1, ?, 'TicketOpened', '{"title":"printer"}', '{"schemaVersion":1}')""", "ticket-" + id,
				UUID.randomUUID());

		Ticket ticket = tickets.load(id).aggregate();

		assertThat(ticket.state().subject()).isEqualTo("printer");
		assertThat(ticket.state().priority()).isEqualTo("NORMAL");
	}

	@Test
	void snapshotOfATenThousandEventStreamRebuildsTheSameState() {
		String id = UUID.randomUUID().toString();
		Loaded<String, Ticket> loaded = tickets.load(id);
		long version = tickets.save(loaded, List.of(new TicketOpened("long", "LOW")), METADATA, List.of());
		for (int batch = 0; batch < 20; batch++) {
			int from = batch * 500;
			List<TicketEvent> comments = new ArrayList<>(
					IntStream.range(from, from + 500).mapToObj((i) -> new TicketCommented("comment " + i)).toList());
			if (batch == 19) {
				comments.remove(comments.size() - 1);
			}
			loaded = new Loaded<>(id, loaded.aggregate(), version);
			version = tickets.save(loaded, comments, METADATA, List.of());
		}
		assertThat(version).isEqualTo(10_000);

		SnapshotStore.Snapshot snapshot = snapshots.find("ticket-" + id).orElseThrow();
		assertThat(snapshot.version()).isEqualTo(10_000);
		assertThat(snapshot.schemaVersion()).isEqualTo(1);

		Loaded<String, Ticket> fromSnapshot = tickets.load(id);
		Loaded<String, Ticket> fromEvents = ticketsWithoutSnapshots.load(id);
		assertThat(fromSnapshot.version()).isEqualTo(10_000);
		assertThat(fromSnapshot.aggregate().state()).isEqualTo(fromEvents.aggregate().state())
			.isEqualTo(new Ticket.State("long", "LOW", 9_999, "comment 9998", false));
	}

	@Test
	void ignoresASnapshotOfAnotherSchemaVersion() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("old", "LOW"), new TicketCommented("one")), METADATA,
				List.of());
		// a snapshot from an older Ticket.State, which this code cannot read
		snapshots.save("ticket-" + id, new SnapshotStore.Snapshot(2, 0, "{\"shape\":\"unknown\"}"));

		Loaded<String, Ticket> loaded = tickets.load(id);

		assertThat(loaded.version()).isEqualTo(2);
		assertThat(loaded.aggregate().state()).isEqualTo(new Ticket.State("old", "LOW", 1, "one", false));
	}

	@Test
	void outboxMessagesCommitWithTheEventsOrNotAtAll() {
		String id = UUID.randomUUID().toString();
		String topic = "tickets-" + id;
		Loaded<String, Ticket> fresh = tickets.load(id);
		tickets.save(fresh, List.of(new TicketOpened("a", "LOW")), METADATA,
				List.of(OutboxMessage.of(topic, id, "TicketOpened", "{}", METADATA)));
		Loaded<String, Ticket> stale = new Loaded<>(id, new Ticket(), 0);

		assertThatThrownBy(() -> tickets.save(stale, List.of(new TicketOpened("b", "LOW")), METADATA,
				List.of(OutboxMessage.of(topic, id, "TicketOpened", "{}", METADATA))))
			.isInstanceOf(OptimisticConcurrencyException.class);

		assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE topic = ?", Integer.class, topic))
			.isEqualTo(1);
		jdbc.update("DELETE FROM outbox_message WHERE topic = ?", topic);
	}

	@Test
	void outboxRefusesToWriteOutsideATransaction() {
		assertThatThrownBy(() -> outbox.add(List.of(OutboxMessage.of("t", "k", "T", "{}", METADATA))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("transaction");
	}

	@Test
	void readsTheAggregateAsItWasAtAnInstant() throws Exception {
		String id = UUID.randomUUID().toString();
		long version = tickets.save(tickets.load(id), List.of(new TicketOpened("asof", "LOW")), METADATA, List.of());
		Thread.sleep(20);
		var between = java.time.Instant.now();
		Thread.sleep(20);
		tickets.save(new Loaded<>(id, tickets.load(id).aggregate(), version), List.of(new TicketCommented("later")),
				METADATA, List.of());

		Loaded<String, Ticket> then = tickets.loadAsOf(id, between);

		assertThat(then.version()).isEqualTo(1);
		assertThat(then.aggregate().state().comments()).isZero();
		assertThat(tickets.load(id).aggregate().state().comments()).isEqualTo(1);
	}

	@Test
	void aKeptStreamIsRebuiltFromMemoryWithoutDecodingItsEventsAgain() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("kept", "LOW")), METADATA, List.of());
		// what a decode would now find: only a fresh repository reads it
		jdbc.update("UPDATE event_store SET data = '{\"subject\":\"changed\",\"priority\":\"HIGH\"}' "
				+ "WHERE stream_id = ?", "ticket-" + id);

		assertThat(tickets.load(id).aggregate().state().subject()).isEqualTo("kept");
		assertThat(repository(Ticket.SNAPSHOTS).load(id).aggregate().state().subject()).isEqualTo("changed");
	}

	@Test
	void aKeptStreamStillSeesWhatAnotherInstanceAppended() {
		String id = UUID.randomUUID().toString();
		AggregateRepository<String, Ticket, TicketEvent> otherInstance = repository(Ticket.SNAPSHOTS);
		tickets.save(tickets.load(id), List.of(new TicketOpened("shared", "LOW")), METADATA, List.of());
		assertThat(tickets.load(id).version()).isEqualTo(1);

		otherInstance.save(otherInstance.load(id), List.of(new TicketCommented("from the other instance")), METADATA,
				List.of());

		Loaded<String, Ticket> loaded = tickets.load(id);
		assertThat(loaded.version()).isEqualTo(2);
		assertThat(loaded.aggregate().state())
			.isEqualTo(new Ticket.State("shared", "LOW", 1, "from the other instance", false));
		assertThat(tickets.save(loaded, List.of(new TicketCommented("and this one")), METADATA, List.of()))
			.isEqualTo(3);
	}

	@Test
	void aSaveThatRollsBackLeavesNothingInMemory() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("kept", "LOW")), METADATA, List.of());

		assertThatThrownBy(() -> transactions.executeWithoutResult((status) -> {
			Loaded<String, Ticket> loaded = tickets.load(id);
			tickets.save(loaded, List.of(new TicketCommented("rolled back")), METADATA, List.of());
			assertThat(tickets.load(id).version()).as("the transaction sees its own append").isEqualTo(2);
			throw new IllegalStateException("abort");
		})).hasMessage("abort");

		Loaded<String, Ticket> loaded = tickets.load(id);
		assertThat(loaded.version()).isEqualTo(1);
		assertThat(loaded.aggregate().state().comments()).isZero();
	}

	@Test
	void aStreamThatMovedOnUnderAKeptVersionIsReadAgainAfterTheConflict() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("a", "LOW"), new TicketCommented("one")), METADATA,
				List.of());
		// the stream is rewritten behind the repository's back (here: by hand)
		jdbc.update("DELETE FROM event_store WHERE stream_id = ? AND version = 2", "ticket-" + id);

		Loaded<String, Ticket> kept = tickets.load(id);
		assertThatThrownBy(() -> tickets.save(kept, List.of(new TicketCommented("two")), METADATA, List.of()))
			.isInstanceOf(OptimisticConcurrencyException.class);

		Loaded<String, Ticket> reloaded = tickets.load(id);
		assertThat(reloaded.version()).isEqualTo(1);
		assertThat(tickets.save(reloaded, List.of(new TicketCommented("two")), METADATA, List.of())).isEqualTo(2);
	}

	@Test
	void afterAFailedSaveTheCallersAggregateIsAheadOfTheStoreAndALoadIsNot() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("a", "LOW")), METADATA, List.of());
		Loaded<String, Ticket> stale = tickets.load(id);
		tickets.save(tickets.load(id), List.of(new TicketCommented("won the race")), METADATA, List.of());

		assertThatThrownBy(() -> tickets.save(stale, List.of(new TicketCommented("lost it")), METADATA, List.of()))
			.isInstanceOf(OptimisticConcurrencyException.class);

		// what the contract of save says: the caller's copy took the event anyway
		assertThat(stale.aggregate().state().lastComment()).isEqualTo("lost it");
		Loaded<String, Ticket> reloaded = tickets.load(id);
		assertThat(reloaded.version()).isEqualTo(2);
		assertThat(reloaded.aggregate().state().lastComment()).isEqualTo("won the race");
		assertThat(reloaded.aggregate().state().comments()).isEqualTo(1);
	}

	@Test
	void preloadedStreamsLoadInTheirTransactionWithoutReadingTheStore() {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String unknown = UUID.randomUUID().toString();
		tickets.save(tickets.load(first), List.of(new TicketOpened("first", "LOW")), METADATA, List.of());
		tickets.save(tickets.load(second), List.of(new TicketOpened("second", "HIGH"), new TicketCommented("one")),
				METADATA, List.of());
		// keeps nothing in memory: the preload reads the streams from the store
		AggregateRepository<String, Ticket, TicketEvent> fresh = repository(Ticket.SNAPSHOTS);

		transactions.executeWithoutResult((status) -> {
			fresh.preload(List.of(first, second, unknown));
			// what a load that read the store would now find
			jdbc.update("UPDATE event_store SET data = '{\"subject\":\"changed\",\"priority\":\"HIGH\"}' "
					+ "WHERE stream_id = ?", "ticket-" + first);

			assertThat(fresh.load(first).aggregate().state().subject()).isEqualTo("first");
			Loaded<String, Ticket> loaded = fresh.load(second);
			assertThat(loaded.version()).isEqualTo(2);
			assertThat(loaded.aggregate().state()).isEqualTo(new Ticket.State("second", "HIGH", 1, "one", false));
			assertThat(fresh.load(unknown).isNew()).isTrue();
			status.setRollbackOnly();
		});
	}

	@Test
	void aLoadAfterASaveInThePreloadingTransactionSeesTheSave() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("busy", "LOW")), METADATA, List.of());

		transactions.executeWithoutResult((status) -> {
			tickets.preload(List.of(id));
			tickets.save(tickets.load(id), List.of(new TicketCommented("one")), METADATA, List.of());
			Loaded<String, Ticket> second = tickets.load(id);
			assertThat(second.version()).isEqualTo(2);
			assertThat(second.aggregate().state().lastComment()).isEqualTo("one");
			tickets.save(second, List.of(new TicketCommented("two")), METADATA, List.of());
		});

		Loaded<String, Ticket> stored = repository(Ticket.SNAPSHOTS).load(id);
		assertThat(stored.version()).isEqualTo(3);
		assertThat(stored.aggregate().state().comments()).isEqualTo(2);
		// outside a transaction a preload does nothing, and a load reads as always
		tickets.preload(List.of(id));
		assertThat(tickets.load(id).version()).isEqualTo(3);
	}

	@Test
	void aWriterThatGotInAfterThePreloadFailsTheTransactionAtCommit() {
		String id = UUID.randomUUID().toString();
		tickets.save(tickets.load(id), List.of(new TicketOpened("raced", "LOW")), METADATA, List.of());
		AggregateRepository<String, Ticket, TicketEvent> otherInstance = repository(Ticket.SNAPSHOTS);

		assertThatThrownBy(() -> transactions.executeWithoutResult((status) -> {
			tickets.preload(List.of(id));
			CompletableFuture
				.runAsync(() -> otherInstance.save(otherInstance.load(id), List.of(new TicketCommented("first")),
						METADATA, List.of()))
				.join();
			Loaded<String, Ticket> asPreloaded = tickets.load(id);
			assertThat(asPreloaded.version()).isEqualTo(1);
			tickets.save(asPreloaded, List.of(new TicketCommented("late")), METADATA, List.of());
		})).isInstanceOf(OptimisticConcurrencyException.class);

		Loaded<String, Ticket> loaded = tickets.load(id);
		assertThat(loaded.version()).isEqualTo(2);
		assertThat(loaded.aggregate().state().lastComment()).isEqualTo("first");
	}

	private AggregateRepository<String, Ticket, TicketEvent> repository(Snapshotting<Ticket, ?> snapshotting) {
		AggregateRepositories repositories = new AggregateRepositories(events, snapshots, outbox, json, transactions);
		return (snapshotting != null)
				? repositories.snapshotted("ticket", String::toString, Ticket::new, Ticket.EVENT_TYPES, snapshotting)
				: repositories.of("ticket", String::toString, Ticket::new, Ticket.EVENT_TYPES);
	}

}
