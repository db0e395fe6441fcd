package com.example.shop.platform.eventing.store;

import java.util.UUID;

/**
 * An event about to be appended.
 *
 * @param eventId its unique id
 * @param type its logical wire name, e.g. {@code OrderPlaced}, never a Java class name
 * @param schemaVersion the version of the data's schema
 * @param data the event as JSON
 * @param metadata why it happened
 */
public record NewEvent(UUID eventId, String type, int schemaVersion, String data, EventMetadata metadata) {

}
