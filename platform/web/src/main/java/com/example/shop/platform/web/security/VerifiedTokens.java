package com.example.shop.platform.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified until they expire, so that a client sending the
 * same token with every request (as clients do until it expires) pays for parsing it and
 * checking its RS256 signature once, not per request. The key is the whole token,
 * signature included, so a changed token is a new key and is verified afresh; a token is
 * only remembered after the decoder accepted it, and only while it has not expired. At
 * most {@link #MAX_TOKENS} are kept: when that many are remembered, they are all
 * forgotten, which costs each client one verification. (Measured in docs/benchmarks.md:
 * verifying each request's token cost the order command service about a third more CPU
 * per order.)
 */
final class VerifiedTokens implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final int maxTokens;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokens(JwtDecoder decoder, Clock clock) {
		this(decoder, clock, MAX_TOKENS);
	}

	VerifiedTokens(JwtDecoder decoder, Clock clock, int maxTokens) {
		this.decoder = decoder;
		this.clock = clock;
		this.maxTokens = maxTokens;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Instant now = this.clock.instant();
		Jwt known = this.verified.get(token);
		if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
			return known;
		}
		if (known != null) {
			this.verified.remove(token);
		}
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			if (this.verified.size() >= this.maxTokens) {
				this.verified.clear();
			}
			this.verified.put(token, jwt);
		}
		return jwt;
	}

}
