package com.example.shop.order.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Which collection serves each projection: one {@link Pointer} per projection, kept in
 * the {@link PointerStore} that every instance shares, whose {@code collection} is
 * switched in one atomic update when a rebuild has caught up. Readers and the live
 * listeners of every instance, this one included, read it again at most
 * {@link #POINTER_REFRESH} after they last did, so a switch reaches them all within that
 * time; until then they use the old collection, which outlives the switch for that reason
 * (see {@link ProjectionRebuilder}).
 */
@Component
public class ProjectionCatalog {

	/**
	 * The collection of each projection's first generation, by name and in the order
	 * {@link #all()} lists them; a rebuild's collection adds {@code _g<generation>}.
	 */
	private final Map<String, String> firstCollections;

	/**
	 * How long a looked-up collection is used before the pointer is read again. Reading
	 * it for every event doubled each event's round trips to MongoDB.
	 */
	public static final Duration POINTER_REFRESH = Duration.ofSeconds(1);

	private final PointerStore pointers;

	private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();

	ProjectionCatalog(PointerStore pointers, List<Projection> projections) {
		this.pointers = pointers;
		this.firstCollections = new TreeMap<>();
		projections.forEach((projection) -> this.firstCollections.put(projection.name(), projection.collection()));
	}

	/**
	 * A projection's pointer.
	 *
	 * @param id the projection's name
	 * @param collection the collection that serves reads and receives live events
	 * @param generation counts rebuilds
	 * @param state {@code LIVE}, or {@code REBUILDING} while a rebuild fills
	 * {@code rebuildCollection}
	 */
	public record Pointer(String id, String collection, long generation, String state, String rebuildCollection,
			Instant switchedAt) {
	}

	/**
	 * The collection that serves the projection now, created as its first generation on
	 * first use.
	 */
	public String activeCollection(String projection) {
		long now = System.nanoTime();
		Lookup lookup = this.lookups.get(projection);
		if (lookup == null || now - lookup.expiresAt() >= 0) {
			lookup = new Lookup(pointer(projection).collection(), now + POINTER_REFRESH.toNanos());
			this.lookups.put(projection, lookup);
		}
		return lookup.collection();
	}

	/**
	 * Whether a projection of that name exists.
	 */
	public boolean isKnown(String projection) {
		return this.firstCollections.containsKey(projection);
	}

	public Pointer pointer(String projection) {
		String first = this.firstCollections.get(projection);
		if (first == null) {
			throw new IllegalArgumentException("No projection named " + projection);
		}
		Pointer pointer = this.pointers.find(projection);
		if (pointer != null) {
			return pointer;
		}
		this.pointers.createIfAbsent(new Pointer(projection, first, 1, "LIVE", null, null));
		return this.pointers.find(projection);
	}

	/**
	 * Every projection's pointer, ordered by name.
	 */
	public List<Pointer> all() {
		return this.firstCollections.keySet().stream().map(this::pointer).toList();
	}

	/**
	 * Marks the projection as rebuilding into a new collection, unless a rebuild runs
	 * already.
	 * @return the new collection, or {@code null} when a rebuild runs already
	 */
	String startRebuild(String projection) {
		Pointer current = pointer(projection);
		String target = this.firstCollections.get(projection) + "_g" + (current.generation() + 1);
		return this.pointers.startRebuild(projection, target) ? target : null;
	}

	/**
	 * Points reads and live events at the rebuilt collection: one atomic update.
	 * @return the collection that served before
	 */
	String switchTo(String projection, String collection) {
		String previous = pointer(projection).collection();
		this.pointers.switchTo(projection, collection, Instant.now());
		return previous;
	}

	void abandonRebuild(String projection) {
		this.pointers.abandonRebuild(projection);
	}

	private record Lookup(String collection, long expiresAt) {
	}

}
