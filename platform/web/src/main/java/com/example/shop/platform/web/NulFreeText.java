package com.example.shop.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text read as JSON must not hold U+0000: PostgreSQL stores no NUL in {@code text} or
 * {@code jsonb}, so such a string would fail the request's transaction (a 500) instead of
 * the request (a 400). Registered with the JSON mapper of every service, so that a
 * request body with {@code "\u0000"} in any string field is refused as malformed before
 * any code sees it; so is a message with one, which then goes to the dead letters as a
 * poison record (no event of the system can hold one, since PostgreSQL stored it). Only
 * string values are checked: no request of the services has free-form keys or JSON trees.
 */
public final class NulFreeText extends StringDeserializer {

	private NulFreeText() {
	}

	/** The module that puts this deserializer in place of Jackson's for every string. */
	public static SimpleModule module() {
		return new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText());
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = super.deserialize(parser, context);
		if (value != null && value.indexOf('\u0000') >= 0) {
			return context.reportInputMismatch(String.class, "Text must not contain U+0000");
		}
		return value;
	}

}
