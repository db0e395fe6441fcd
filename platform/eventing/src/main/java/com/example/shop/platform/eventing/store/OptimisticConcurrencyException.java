package com.example.shop.platform.eventing.store;

/**
 * Another writer changed the stream since the caller read it: the caller's decision was
 * made on stale state. The web layer answers 409 Conflict; a message handler reloads and
 * decides again.
 */
public class OptimisticConcurrencyException extends RuntimeException {

	private final String streamId;

	private final long expectedVersion;

	public OptimisticConcurrencyException(String streamId, long expectedVersion, long actualVersion) {
		super("Stream " + streamId + " is at version " + actualVersion + ", not the expected " + expectedVersion);
		this.streamId = streamId;
		this.expectedVersion = expectedVersion;
	}

	/**
	 * For a stream that another writer moved on while this one was writing it.
	 */
	public OptimisticConcurrencyException(String streamId, long expectedVersion) {
		super("Stream " + streamId + " moved on from the expected version " + expectedVersion);
		this.streamId = streamId;
		this.expectedVersion = expectedVersion;
	}

	public String streamId() {
		return this.streamId;
	}

	public long expectedVersion() {
		return this.expectedVersion;
	}

}
