package com.example.shop.contracts;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

/**
 * How one contract record travels: its logical type name (the CloudEvents
 * {@code ce_type}), the version of its schema, its topic, and how a payload written at an
 * older version is brought to the current one. The name is chosen here, never taken from
 * the Java class, so that a class can be renamed or moved without changing the wire.
 *
 * @param javaType the record
 * @param name the logical type name, unique on its topic, e.g. {@code OrderPlaced}
 * @param version the version of its schema, from 1; it grows only when the schema changes
 * in a way old readers cannot take as it is
 * @param topic the topic of its family
 * @param upcasters one per older version, in order: the first turns a version 1 payload
 * into version 2, and so on
 */
public record MessageType(Class<? extends Message> javaType, String name, int version, String topic,
		List<UnaryOperator<ObjectNode>> upcasters) {

	private static final Pattern DATA_SCHEMA = Pattern.compile("urn:shop:message:([A-Za-z0-9]+):v([1-9][0-9]{0,3})");

	public MessageType {
		upcasters = List.copyOf(upcasters);
		if (upcasters.size() != version - 1) {
			throw new IllegalArgumentException(name + " is at version " + version + " and needs " + (version - 1)
					+ " upcasters, one per older version, not " + upcasters.size());
		}
	}

	/**
	 * The schema this message's payload follows, published as the CloudEvents
	 * {@code dataschema} attribute: {@code urn:shop:message:<name>:v<version>}.
	 */
	public String dataSchema() {
		return dataSchema(this.version);
	}

	/**
	 * The {@code dataschema} of this type at an older or the current version.
	 */
	public String dataSchema(int version) {
		return "urn:shop:message:" + this.name + ":v" + version;
	}

	/**
	 * The schema version a received {@code dataschema} names: 1 when there is none,
	 * because every type started at version 1 before the attribute was published.
	 * @throws IllegalArgumentException if it is not a {@code dataschema} of this type
	 */
	public int versionOf(String dataSchema) {
		if (dataSchema == null) {
			return 1;
		}
		Matcher matcher = DATA_SCHEMA.matcher(dataSchema);
		if (!matcher.matches() || !matcher.group(1).equals(this.name)) {
			throw new IllegalArgumentException(dataSchema + " is not a schema of " + this.name);
		}
		return Integer.parseInt(matcher.group(2));
	}

	/**
	 * Brings a payload written at {@code fromVersion} to the current version, one
	 * upcaster at a time. Payloads at the current version are returned as they are.
	 * @throws IllegalArgumentException if {@code fromVersion} is newer than this reader
	 * knows: it was written by a producer this consumer has not caught up with
	 */
	public ObjectNode upcast(int fromVersion, ObjectNode payload) {
		if (fromVersion < 1 || fromVersion > this.version) {
			throw new IllegalArgumentException(this.name + " version " + fromVersion + " is unknown here, where "
					+ this.version + " is the newest");
		}
		ObjectNode current = payload;
		for (int version = fromVersion; version < this.version; version++) {
			current = this.upcasters.get(version - 1).apply(current);
		}
		return current;
	}

}
