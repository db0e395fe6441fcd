package com.example.shop.contracts;

/**
 * How one contract record travels: its logical type name (the CloudEvents
 * {@code ce_type}), the version of its schema and its topic. The name is chosen here,
 * never taken from the Java class, so that a class can be renamed or moved without
 * changing the wire.
 *
 * @param javaType the record
 * @param name the logical type name, unique on its topic, e.g. {@code OrderPlaced}
 * @param version the version of its schema, from 1; it grows only when the schema changes
 * in a way old readers cannot take as it is
 * @param topic the topic of its family
 */
public record MessageType(Class<? extends Message> javaType, String name, int version, String topic) {

	/**
	 * The schema this message's payload follows, published as the CloudEvents
	 * {@code dataschema} attribute: {@code urn:shop:message:<name>:v<version>}.
	 */
	public String dataSchema() {
		return "urn:shop:message:" + this.name + ":v" + this.version;
	}

}
