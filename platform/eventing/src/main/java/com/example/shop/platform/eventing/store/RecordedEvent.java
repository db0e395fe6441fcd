package com.example.shop.platform.eventing.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored.
 *
 * @param position its place in the global order of all events
 * @param streamId the stream it belongs to
 * @param version its place in the stream, from 1 without gaps
 * @param eventId its unique id
 * @param type its logical wire name
 * @param schemaVersion the schema version the data was written with
 * @param data the event as JSON
 * @param metadata why it happened
 * @param timestamp when the transaction that appended it started
 */
public record RecordedEvent(long position, String streamId, long version, UUID eventId, String type, int schemaVersion,
		String data, EventMetadata metadata, Instant timestamp) {

}
