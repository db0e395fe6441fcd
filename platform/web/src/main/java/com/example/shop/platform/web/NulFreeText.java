package com.example.shop.platform.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text read from a request body must not hold U+0000: PostgreSQL stores no NUL in
 * {@code text} or {@code jsonb}, so such a string would fail the request's transaction (a
 * 500) instead of the request (a 400). Registered with the JSON mapper of every service,
 * so that a body with {@code "\u0000"} anywhere in a string is refused as malformed,
 * before any code sees it.
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
