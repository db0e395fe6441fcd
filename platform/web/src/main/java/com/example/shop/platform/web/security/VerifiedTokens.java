package com.example.shop.platform.web.security;

import java.time.Clock;
import java.time.Duration;
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
 * only remembered after the decoder accepted it, and at most {@link #MAX_AGE} and never
 * past its expiry, so that a key the issuer withdraws from its JWK set stops being
 * accepted within about as long as the decoder takes to notice (its JWK set cache). At
 * most {@link #MAX_TOKENS} are kept: when that many are remembered, they are all
 * forgotten, which costs each client one verification. (Measured in docs/benchmarks.md:
 * verifying each request's token cost the order command service 1.3 to 1.5 times its CPU
 * per order.)
 */
final class VerifiedTokens implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final JwtDecoder decoder;

	private final Clock clock;

	private final int maxTokens;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
		Verified known = this.verified.get(token);
		if (known != null && now.isBefore(known.until())) {
			return known.jwt();
		}
		if (known != null) {
			this.verified.remove(token);
		}
		Jwt jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			if (this.verified.size() >= this.maxTokens) {
				this.verified.clear();
			}
			Instant aged = now.plus(MAX_AGE);
			this.verified.put(token, new Verified(jwt, aged.isBefore(jwt.getExpiresAt()) ? aged : jwt.getExpiresAt()));
		}
		return jwt;
	}

	/** A token the decoder accepted, served from memory until {@code until}. */
	private record Verified(Jwt jwt, Instant until) {

	}

}
