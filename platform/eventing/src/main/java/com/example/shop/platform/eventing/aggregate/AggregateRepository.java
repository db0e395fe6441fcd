package com.example.shop.platform.eventing.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.NewEvent;
import com.example.shop.platform.eventing.store.RecordedEvent;
import com.example.shop.platform.eventing.store.SnapshotStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Loads and saves one kind of event-sourced aggregate. The stream of aggregate {@code id}
 * is {@code <streamType>-<id>}.
 * <ul>
 * <li>{@link #load} starts from the latest snapshot of the current schema version, if
 * any, and applies the events after it.</li>
 * <li>{@link #save} applies the new events, appends them at the loaded version and writes
 * the outbox messages that announce them, and a snapshot when one is due, all in one
 * transaction.</li>
 * </ul>
 *
 * @param <A> the aggregate
 * @param <E> its sealed event interface
 */
public class AggregateRepository<A extends Aggregate<E>, E> {

	private final String streamType;

	private final Supplier<A> empty;

	private final EventTypes<E> eventTypes;

	private final Snapshotting<A, ?> snapshotting;

	private final EventStore events;

	private final SnapshotStore snapshots;

	private final Outbox outbox;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	/**
	 * @param snapshotting how to snapshot the aggregate, or {@code null} for short
	 * streams that need none
	 */
	public AggregateRepository(String streamType, Supplier<A> empty, EventTypes<E> eventTypes,
			Snapshotting<A, ?> snapshotting, EventStore events, SnapshotStore snapshots, Outbox outbox, JsonMapper json,
			TransactionOperations transactions) {
		this.streamType = streamType;
		this.empty = empty;
		this.eventTypes = eventTypes;
		this.snapshotting = snapshotting;
		this.events = events;
		this.snapshots = snapshots;
		this.outbox = outbox;
		this.json = json;
		this.transactions = transactions;
	}

	public String streamId(String id) {
		return this.streamType + "-" + id;
	}

	/**
	 * The aggregate as its stream has it now; a new, empty aggregate at version 0 when
	 * there is no stream.
	 */
	public Loaded<A> load(String id) {
		String streamId = streamId(id);
		var restored = restoreSnapshot(streamId);
		A aggregate = (restored != null) ? restored.aggregate() : this.empty.get();
		long[] version = { (restored != null) ? restored.version() : 0 };
		this.events.readStream(streamId, version[0] + 1, (event) -> {
			aggregate.apply(read(event));
			version[0] = event.version();
		});
		return new Loaded<>(id, aggregate, version[0]);
	}

	/**
	 * The aggregate as it was at {@code asOf}, rebuilt from its events alone.
	 */
	public Loaded<A> loadAsOf(String id, Instant asOf) {
		A aggregate = this.empty.get();
		long version = 0;
		for (RecordedEvent event : this.events.readStreamAsOf(streamId(id), asOf)) {
			aggregate.apply(read(event));
			version = event.version();
		}
		return new Loaded<>(id, aggregate, version);
	}

	/**
	 * Reads a stored event into its current record type, upcasting older schema versions.
	 */
	public E read(RecordedEvent event) {
		return this.eventTypes.read(this.json, event.type(), event.schemaVersion(), event.data());
	}

	/**
	 * Applies {@code newEvents} to the loaded aggregate and stores them, with
	 * {@code messages} in the outbox, in one transaction.
	 * @return the stream's new version
	 * @throws com.example.shop.platform.eventing.store.OptimisticConcurrencyException
	 * when the stream has moved on since {@code loaded} was read
	 */
	public long save(Loaded<A> loaded, List<? extends E> newEvents, EventMetadata metadata,
			List<OutboxMessage> messages) {
		List<NewEvent> stored = new ArrayList<>(newEvents.size());
		for (E event : newEvents) {
			EventTypes.Registration registration = this.eventTypes.registration(event);
			stored.add(new NewEvent(UUID.randomUUID(), registration.name(), registration.schemaVersion(),
					this.json.writeValueAsString(event), metadata));
			loaded.aggregate().apply(event);
		}
		String streamId = streamId(loaded.id());
		Long version = this.transactions.execute((status) -> {
			long newVersion = this.events.append(streamId, loaded.version(), stored);
			this.outbox.add(messages);
			if (this.snapshotting != null
					&& newVersion / this.snapshotting.every() > loaded.version() / this.snapshotting.every()) {
				this.snapshots.save(streamId, new SnapshotStore.Snapshot(newVersion, this.snapshotting.schemaVersion(),
						snapshotJson(loaded.aggregate())));
			}
			return newVersion;
		});
		return version;
	}

	private String snapshotJson(A aggregate) {
		return this.json.writeValueAsString(take(this.snapshotting, aggregate));
	}

	private static <A, S> S take(Snapshotting<A, S> snapshotting, A aggregate) {
		return snapshotting.take().apply(aggregate);
	}

	private Loaded<A> restoreSnapshot(String streamId) {
		if (this.snapshotting == null) {
			return null;
		}
		return this.snapshots.find(streamId)
			.filter((snapshot) -> snapshot.schemaVersion() == this.snapshotting.schemaVersion())
			.map((snapshot) -> new Loaded<>(streamId, restore(this.snapshotting, snapshot.data()), snapshot.version()))
			.orElse(null);
	}

	private <S> A restore(Snapshotting<A, S> snapshotting, String data) {
		return snapshotting.restore().apply(this.json.readValue(data, snapshotting.stateType()));
	}

}
