package com.example.shop.platform.eventing.aggregate;

import java.util.function.UnaryOperator;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the stored JSON of one event type from schema version {@code fromVersion} into
 * {@code fromVersion + 1}. Stored events are never rewritten; old versions are upcast
 * each time they are read.
 *
 * @param type the logical event type
 * @param fromVersion the schema version this upcaster reads
 * @param transform the change, e.g. renaming a field or adding one with a default
 */
public record Upcaster(String type, int fromVersion, UnaryOperator<ObjectNode> transform) {

}
