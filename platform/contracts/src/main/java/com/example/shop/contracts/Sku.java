package com.example.shop.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A product, by its stock-keeping unit, e.g. {@code SKU-00042}. On the wire it is a plain
 * JSON string; a receiver checks it as its own domain requires.
 *
 * @param value the text
 */
public record Sku(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public Sku {
	}

	@Override
	public String toString() {
		return this.value;
	}

}
