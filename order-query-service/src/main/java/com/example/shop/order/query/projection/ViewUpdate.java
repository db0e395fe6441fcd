package com.example.shop.order.query.projection;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields one event changes in a view's document, operator by operator, for a
 * {@link ViewWrite}. The operators are the ones whose result does not depend on the order
 * in which events arrive or on how often they do ({@code min}, {@code max}) or that a
 * version condition guards ({@code set}, {@code push}); the {@link ViewStore} renders
 * them in its own update language. Field names may be paths ({@code payment.chargedAt}),
 * and a value may be an embedded document ({@link #document}) or a list of them.
 */
public final class ViewUpdate {

	/**
	 * How a field is changed.
	 */
	public enum Operator {

		/** Sets the field to the value. */
		SET,

		/** Sets the field to the value only when the write creates the document. */
		SET_ON_INSERT,

		/** Sets the field to the value if it is missing or greater. */
		MIN,

		/** Sets the field to the value if it is missing or less. */
		MAX,

		/**
		 * Appends the value to the list in the field, creating the list if it is missing.
		 */
		PUSH

	}

	private final Map<Operator, Map<String, Object>> operators = new EnumMap<>(Operator.class);

	/**
	 * An embedded document: field names and values in turn, kept in that order. Values
	 * may be {@code null}.
	 */
	public static Map<String, Object> document(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Names and values come in pairs");
		}
		Map<String, Object> document = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			document.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return document;
	}

	public ViewUpdate set(String field, Object value) {
		return add(Operator.SET, field, value);
	}

	public ViewUpdate setOnInsert(String field, Object value) {
		return add(Operator.SET_ON_INSERT, field, value);
	}

	public ViewUpdate min(String field, Object value) {
		return add(Operator.MIN, field, value);
	}

	public ViewUpdate max(String field, Object value) {
		return add(Operator.MAX, field, value);
	}

	public ViewUpdate push(String field, Object value) {
		return add(Operator.PUSH, field, value);
	}

	/**
	 * The fields each operator changes, in the order they were added.
	 */
	public Map<Operator, Map<String, Object>> operators() {
		return Collections.unmodifiableMap(this.operators);
	}

	private ViewUpdate add(Operator operator, String field, Object value) {
		this.operators.computeIfAbsent(operator, (key) -> new LinkedHashMap<>()).put(field, value);
		return this;
	}

}
