package com.example.shop.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The {@code Idempotency-Key} request header that makes a retried {@code POST} safe: the
 * same key and request again change nothing. A key is 1 to 255 visible ASCII characters
 * (a UUID is the usual choice), so that it fits its table's index and reads the same in
 * every log; anything else is refused with 400. (An empty header reaches the controller
 * as no header: the request is then not idempotent.)
 */
public final class IdempotencyKeyHeader {

	/** The header's name. */
	public static final String NAME = "Idempotency-Key";

	/** The longest key accepted, in characters. */
	public static final int MAX_LENGTH = 255;

	private IdempotencyKeyHeader() {
	}

	/**
	 * The key as sent, or {@code null} when the request has none.
	 * @throws ResponseStatusException 400 (as problem details) for a key that is empty,
	 * too long, or has other than visible ASCII characters
	 */
	public static String validated(String key) {
		if (key == null) {
			return null;
		}
		if (key.isEmpty() || key.length() > MAX_LENGTH
				|| !key.chars().allMatch((character) -> character >= 0x21 && character <= 0x7e)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					NAME + " must be 1 to " + MAX_LENGTH + " visible ASCII characters, such as a UUID");
		}
		return key;
	}

}
