package com.example.shop.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer, e.g. {@code C-000123}. On the wire it is a plain JSON string; a receiver
 * checks it as its own domain requires.
 *
 * @param value the text
 */
public record CustomerId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public CustomerId {
	}

	@Override
	public String toString() {
		return this.value;
	}

}
