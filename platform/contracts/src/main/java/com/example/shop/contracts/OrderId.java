package com.example.shop.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order, as the orders context names it: a UUID in text form. On the wire it is a
 * plain JSON string; a receiver checks it as its own domain requires.
 *
 * @param value the text
 */
public record OrderId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public OrderId {
	}

	@Override
	public String toString() {
		return this.value;
	}

}
