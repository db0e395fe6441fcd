package com.example.shop.platform.eventing.store;

import java.util.UUID;

/**
 * What is recorded with every event besides its data: why it happened and on whose
 * behalf.
 *
 * @param correlationId the id shared by everything one original request caused
 * @param causationId the id of the message or request that directly caused this event
 * @param principal who asked for it
 * @param traceparent the W3C trace context of the request, or {@code null} when there was
 * none
 */
public record EventMetadata(String correlationId, String causationId, String principal, String traceparent) {

	/**
	 * Metadata for an event caused directly by a request of its own, which starts a new
	 * correlation.
	 */
	public static EventMetadata newRequest(String principal, String traceparent) {
		String id = UUID.randomUUID().toString();
		return new EventMetadata(id, id, principal, traceparent);
	}

}
