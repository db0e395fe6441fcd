package com.example.shop.order.query.projection;

import org.bson.Document;

/**
 * An update as one BSON document, built operator by operator, for a {@link ViewWrite}.
 * The driver encodes it in one pass; its {@code Updates} builders render every operator
 * into a document of its own first, then encode that again, which was most of the time
 * the live listener spent building and sending its writes.
 */
public final class ViewUpdate {

	private final Document operators = new Document();

	public ViewUpdate set(String field, Object value) {
		return add("$set", field, value);
	}

	public ViewUpdate setOnInsert(String field, Object value) {
		return add("$setOnInsert", field, value);
	}

	/**
	 * Sets the field to the value if it is missing or greater.
	 */
	public ViewUpdate min(String field, Object value) {
		return add("$min", field, value);
	}

	/**
	 * Sets the field to the value if it is missing or less.
	 */
	public ViewUpdate max(String field, Object value) {
		return add("$max", field, value);
	}

	public ViewUpdate push(String field, Object value) {
		return add("$push", field, value);
	}

	public Document toDocument() {
		return this.operators;
	}

	private ViewUpdate add(String operator, String field, Object value) {
		((Document) this.operators.computeIfAbsent(operator, (key) -> new Document())).append(field, value);
		return this;
	}

}
