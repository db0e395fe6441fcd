package com.example.shop.platform.eventing.aggregate;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event records of one aggregate under their logical wire names and current schema
 * versions, and the upcasters that bring older stored versions to the current one. Java
 * class names never reach the store.
 *
 * @param <E> the aggregate's sealed event interface
 */
public final class EventTypes<E> {

	private final Map<Class<? extends E>, Registration> byClass = new HashMap<>();

	private final Map<String, Class<? extends E>> byName = new HashMap<>();

	private final Map<String, Upcaster> upcasters = new HashMap<>();

	private EventTypes() {
	}

	/**
	 * Starts a registry for the events of one aggregate.
	 */
	public static <E> EventTypes<E> of(Class<E> eventInterface) {
		return new EventTypes<>();
	}

	/**
	 * Registers an event record under its logical name at its current schema version.
	 */
	public EventTypes<E> register(Class<? extends E> type, String name, int schemaVersion) {
		if (this.byName.containsKey(name)) {
			throw new IllegalArgumentException("Event type name " + name + " is registered twice");
		}
		this.byClass.put(type, new Registration(name, schemaVersion));
		this.byName.put(name, type);
		return this;
	}

	public EventTypes<E> upcaster(Upcaster upcaster) {
		this.upcasters.put(upcaster.type() + "@" + upcaster.fromVersion(), upcaster);
		return this;
	}

	/**
	 * The logical name and current schema version of an event.
	 */
	public Registration registration(E event) {
		Registration registration = this.byClass.get(event.getClass());
		if (registration == null) {
			throw new IllegalArgumentException("Event class " + event.getClass().getName() + " is not registered");
		}
		return registration;
	}

	/**
	 * Reads stored JSON written at {@code schemaVersion}, upcasting it step by step to
	 * the current version.
	 */
	public E read(JsonMapper json, String name, int schemaVersion, String data) {
		Class<? extends E> type = this.byName.get(name);
		if (type == null) {
			throw new IllegalStateException("Unknown event type " + name);
		}
		int current = this.byClass.get(type).schemaVersion();
		if (schemaVersion == current) {
			return json.readValue(data, type);
		}
		ObjectNode node = (ObjectNode) json.readTree(data);
		for (int version = schemaVersion; version < current; version++) {
			Upcaster upcaster = this.upcasters.get(name + "@" + version);
			if (upcaster == null) {
				throw new IllegalStateException("No upcaster for " + name + " from schema version " + version);
			}
			node = upcaster.transform().apply(node);
		}
		return json.treeToValue(node, type);
	}

	/**
	 * How an event class is stored.
	 *
	 * @param name its logical wire name
	 * @param schemaVersion its current schema version
	 */
	public record Registration(String name, int schemaVersion) {

	}

}
