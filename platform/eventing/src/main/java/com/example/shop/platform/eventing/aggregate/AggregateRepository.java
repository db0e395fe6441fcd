package com.example.shop.platform.eventing.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.example.shop.platform.eventing.AfterCommit;
import com.example.shop.platform.eventing.TransactionScoped;
import com.example.shop.platform.eventing.outbox.Outbox;
import com.example.shop.platform.eventing.outbox.OutboxMessage;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.NewEvent;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.eventing.store.RecordedEvent;
import com.example.shop.platform.eventing.store.SnapshotStore;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loads and saves one kind of event-sourced aggregate; made by
 * {@link AggregateRepositories}. Aggregates are named by their own typed ids; the stream
 * of aggregate {@code id} is {@code <streamType>-<text of id>}, the text given by the
 * function the repository was made with.
 * <ul>
 * <li>{@link #load} starts from the latest snapshot of the current schema version, if
 * any, and applies the events after it.</li>
 * <li>{@link #save} applies the new events, appends them at the loaded version and writes
 * the outbox messages that announce them, and a snapshot when one is due, all in one
 * transaction.</li>
 * </ul>
 * <b>No replay on the hot path.</b> The repository keeps, for the streams it used last
 * (up to {@value #CACHED_STREAMS}), their events as records already decoded from the
 * latest snapshot on, as of a committed version. A load then rebuilds the aggregate from
 * memory and reads from the store only the events after that version: one round trip that
 * usually finds none, so what another instance appended is never missed. Entries change
 * only after a commit, so a transaction that rolls back leaves nothing behind; a save
 * whose own transaction finds the stream moved on drops the stream's entry. Snapshot
 * states and events must therefore be immutable, as records of immutable values are.
 * <p>
 * <b>A unit of work.</b> A consumer that applies a poll of messages in one transaction
 * calls {@link #preload} first with the aggregates the poll touches: their streams are
 * then read with one query, and each load in that transaction takes no round trip and
 * sees what saves earlier in the transaction appended.
 *
 * @param <I> the aggregate's id
 * @param <A> the aggregate
 * @param <E> its sealed event interface
 */
public class AggregateRepository<I, A extends Aggregate<E>, E> {

	private final String streamType;

	private final Function<? super I, String> idText;

	private final Supplier<A> empty;

	private final EventTypes<E> eventTypes;

	private final Snapshotting<A, ?> snapshotting;

	private final EventStore events;

	private final SnapshotStore snapshots;

	private final Outbox outbox;

	private final JsonMapper json;

	private final TransactionOperations transactions;

	/**
	 * How many streams' events the repository keeps decoded in memory.
	 */
	static final int CACHED_STREAMS = 10_000;

	/**
	 * A stream is kept in memory only while it has at most this many events after its
	 * latest snapshot.
	 */
	static final int CACHED_EVENTS = 1_000;

	private final Map<String, Cached<E>> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Cached<E>> eldest) {
			return size() > CACHED_STREAMS;
		}

	});

	/**
	 * Made by {@link AggregateRepositories}, which fills in what every repository shares.
	 * @param snapshotting how to snapshot the aggregate, or {@code null} for short
	 * streams that need none
	 */
	AggregateRepository(String streamType, Function<? super I, String> idText, Supplier<A> empty,
			EventTypes<E> eventTypes, Snapshotting<A, ?> snapshotting, EventStore events, SnapshotStore snapshots,
			Outbox outbox, JsonMapper json, TransactionOperations transactions) {
		this.streamType = streamType;
		this.idText = idText;
		this.empty = empty;
		this.eventTypes = eventTypes;
		this.snapshotting = snapshotting;
		this.events = events;
		this.snapshots = snapshots;
		this.outbox = outbox;
		this.json = json;
		this.transactions = transactions;
	}

	/**
	 * The id of the aggregate's stream in the event store.
	 */
	public String streamId(I id) {
		return this.streamType + "-" + this.idText.apply(id);
	}

	/**
	 * The aggregate as its stream has it now; a new, empty aggregate at version 0 when
	 * there is no stream.
	 */
	public Loaded<I, A> load(I id) {
		String streamId = streamId(id);
		Preloaded<E> preloaded = TransactionScoped.find(this);
		Cached<E> current = (preloaded != null) ? preloaded.streams.get(streamId) : null;
		if (current != null) {
			return new Loaded<>(id, current.rebuild(this.empty, this.snapshotting), current.version());
		}
		Cached<E> cached = this.cache.get(streamId);
		if (cached == null) {
			cached = restoreSnapshot(streamId);
		}
		A aggregate = cached.rebuild(this.empty, this.snapshotting);
		List<E> tail = new ArrayList<>();
		long[] version = { cached.version() };
		this.events.readStream(streamId, version[0] + 1, (event) -> {
			E decoded = read(event);
			aggregate.apply(decoded);
			tail.add(decoded);
			version[0] = event.version();
		});
		Cached<E> loaded = cached.plus(tail, version[0]);
		AfterCommit.run(() -> remember(streamId, loaded));
		return new Loaded<>(id, aggregate, version[0]);
	}

	/**
	 * Reads the streams of these aggregates with one query, for the loads and saves that
	 * follow in the current transaction: a load of one of them then rebuilds it from
	 * memory without a round trip, and a save moves it on in memory too, so that a later
	 * load in the transaction sees the save. An aggregate is as of this call: a writer
	 * that appends to it meanwhile is caught when this transaction's appends are checked
	 * at commit, and a command that appends nothing decides on what the stream held at
	 * this call, as a load a moment earlier would have. Outside a transaction it does
	 * nothing.
	 */
	public void preload(Collection<? extends I> ids) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		Preloaded<E> preloaded = TransactionScoped.current(this, () -> new Preloaded<E>(this));
		Map<String, Cached<E>> starts = new LinkedHashMap<>();
		for (I id : ids) {
			String streamId = streamId(id);
			if (!preloaded.streams.containsKey(streamId) && !starts.containsKey(streamId)) {
				Cached<E> cached = this.cache.get(streamId);
				starts.put(streamId, (cached != null) ? cached : restoreSnapshot(streamId));
			}
		}
		Map<String, Long> fromVersions = new LinkedHashMap<>();
		starts.forEach((streamId, start) -> fromVersions.put(streamId, start.version() + 1));
		Map<String, List<E>> tails = new HashMap<>();
		Map<String, Long> versions = new HashMap<>();
		this.events.readStreams(fromVersions, (event) -> {
			tails.computeIfAbsent(event.streamId(), (streamId) -> new ArrayList<>()).add(read(event));
			versions.put(event.streamId(), event.version());
		});
		starts.forEach((streamId, start) -> {
			Cached<E> loaded = start.plus(tails.getOrDefault(streamId, List.of()),
					versions.getOrDefault(streamId, start.version()));
			preloaded.streams.put(streamId, loaded);
			AfterCommit.run(() -> remember(streamId, loaded));
		});
	}

	/**
	 * Drops every stream kept in memory, so that the next loads read the store: after
	 * stored events or snapshots were repaired by hand.
	 */
	public void forgetKept() {
		this.cache.clear();
	}

	/**
	 * The aggregate as it was at {@code asOf}, rebuilt from its events alone.
	 */
	public Loaded<I, A> loadAsOf(I id, Instant asOf) {
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
	 * <p>
	 * <b>After a failure, load again.</b> The events are applied to
	 * {@code loaded.aggregate()} before the transaction runs, so when this throws (a
	 * conflict, a lost connection, a rollback of the caller's transaction) that aggregate
	 * holds events the store does not: drop it and {@link #load} the aggregate again, as
	 * a conflict retry does. The store, the outbox and the repository's memory are left
	 * as they were.
	 * @return the stream's new version
	 * @throws com.example.shop.platform.eventing.store.OptimisticConcurrencyException
	 * when the stream has moved on since {@code loaded} was read: here when the save runs
	 * in a transaction of its own, else when the caller's transaction commits (the event
	 * store writes a transaction's events then)
	 */
	public long save(Loaded<I, A> loaded, List<? extends E> newEvents, EventMetadata metadata,
			List<OutboxMessage> messages) {
		List<NewEvent> stored = new ArrayList<>(newEvents.size());
		for (E event : newEvents) {
			EventTypes.Registration registration = this.eventTypes.registration(event);
			stored.add(new NewEvent(UUID.randomUUID(), registration.name(), registration.schemaVersion(),
					this.json.writeValueAsString(event), metadata));
			loaded.aggregate().apply(event);
		}
		String streamId = streamId(loaded.id());
		List<E> appended = List.copyOf(newEvents);
		try {
			Long version = this.transactions.execute((status) -> {
				long newVersion = this.events.append(streamId, loaded.version(), stored);
				this.outbox.add(messages);
				Cached<E> after;
				if (this.snapshotting != null
						&& newVersion / this.snapshotting.every() > loaded.version() / this.snapshotting.every()) {
					Object state = take(this.snapshotting, loaded.aggregate());
					this.snapshots.save(streamId, new SnapshotStore.Snapshot(newVersion,
							this.snapshotting.schemaVersion(), this.json.writeValueAsString(state)));
					after = new Cached<>(state, List.of(), newVersion);
				}
				else {
					after = null;
				}
				AfterCommit.run(() -> remember(streamId, loaded.version(), appended, after, newVersion));
				Preloaded<E> preloaded = TransactionScoped.find(this);
				if (preloaded != null) {
					preloaded.saved(streamId, loaded.version(), appended, after, newVersion);
				}
				return newVersion;
			});
			return version;
		}
		catch (OptimisticConcurrencyException ex) {
			this.cache.remove(streamId);
			Preloaded<E> preloaded = TransactionScoped.find(this);
			if (preloaded != null) {
				preloaded.streams.remove(streamId);
			}
			throw ex;
		}
	}

	/**
	 * Keeps what a committed load found, unless a newer version is kept already.
	 */
	private void remember(String streamId, Cached<E> loaded) {
		if (loaded.events().size() <= CACHED_EVENTS) {
			this.cache.merge(streamId, loaded, (kept, found) -> (found.version() > kept.version()) ? found : kept);
		}
	}

	/**
	 * Moves a kept stream on by the events a committed save appended to it.
	 */
	private void remember(String streamId, long fromVersion, List<? extends E> appended, Cached<E> snapshot,
			long toVersion) {
		if (snapshot != null) {
			this.cache.put(streamId, snapshot);
			return;
		}
		if (fromVersion == 0) {
			remember(streamId, Cached.<E>empty().plus(appended, toVersion));
			return;
		}
		this.cache.computeIfPresent(streamId, (key,
				kept) -> (kept.version() == fromVersion && kept.events().size() + appended.size() <= CACHED_EVENTS)
						? kept.plus(appended, toVersion) : null);
	}

	private static <A, S> S take(Snapshotting<A, S> snapshotting, A aggregate) {
		return snapshotting.take().apply(aggregate);
	}

	/**
	 * The latest snapshot of the current schema version, or the start of the stream.
	 */
	private Cached<E> restoreSnapshot(String streamId) {
		if (this.snapshotting == null) {
			return Cached.empty();
		}
		return this.snapshots.find(streamId)
			.filter((snapshot) -> snapshot.schemaVersion() == this.snapshotting.schemaVersion())
			.map((snapshot) -> new Cached<E>(this.json.readValue(snapshot.data(), this.snapshotting.stateType()),
					List.of(), snapshot.version()))
			.orElseGet(Cached::empty);
	}

	/**
	 * The streams that {@link #preload} read for the current transaction, moved on by the
	 * transaction's saves.
	 */
	private static final class Preloaded<E> extends TransactionScoped {

		private final Map<String, Cached<E>> streams = new HashMap<>();

		Preloaded(Object owner) {
			super(owner);
		}

		void saved(String streamId, long fromVersion, List<? extends E> appended, Cached<E> snapshot, long toVersion) {
			Cached<E> kept = this.streams.get(streamId);
			if (kept == null) {
				return;
			}
			if (kept.version() != fromVersion) {
				this.streams.remove(streamId);
			}
			else {
				this.streams.put(streamId, (snapshot != null) ? snapshot : kept.plus(appended, toVersion));
			}
		}

	}

	/**
	 * A stream as of a committed version: the state of its latest snapshot (or
	 * {@code null} from the start) and its events after it, decoded.
	 */
	private record Cached<E>(Object snapshot, List<E> events, long version) {

		static <E> Cached<E> empty() {
			return new Cached<>(null, List.of(), 0);
		}

		Cached<E> plus(List<? extends E> more, long newVersion) {
			if (more.isEmpty()) {
				return this;
			}
			List<E> all = new ArrayList<>(this.events.size() + more.size());
			all.addAll(this.events);
			all.addAll(more);
			return new Cached<>(this.snapshot, Collections.unmodifiableList(all), newVersion);
		}

		<A extends Aggregate<E>> A rebuild(Supplier<A> empty, Snapshotting<A, ?> snapshotting) {
			A aggregate = (this.snapshot != null) ? restore(snapshotting, this.snapshot) : empty.get();
			for (E event : this.events) {
				aggregate.apply(event);
			}
			return aggregate;
		}

		@SuppressWarnings("unchecked")
		private static <A, S> A restore(Snapshotting<A, S> snapshotting, Object state) {
			return snapshotting.restore().apply((S) state);
		}

	}

}
