package com.example.shop.platform.web.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The memory of verified tokens, in front of a real Nimbus decoder that checks real RS256
 * signatures, counting how often it is asked.
 */
class VerifiedTokensTest {

	private final KeyPair keys = rsa();

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) this.keys.getPublic()).build();

	private final JwtDecoder counting = (token) -> {
		this.verifications.incrementAndGet();
		return this.nimbus.decode(token);
	};

	@Test
	void aTokenSentAgainIsVerifiedOnce() throws Exception {
		VerifiedTokens tokens = new VerifiedTokens(this.counting, Clock.systemUTC());
		String token = token(Instant.now().plusSeconds(300));

		assertThat(tokens.decode(token).getSubject()).isEqualTo("frank");
		assertThat(tokens.decode(token).getSubject()).isEqualTo("frank");
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aRememberedTokenIsVerifiedAgainOnceItExpired() throws Exception {
		Instant expiry = Instant.now().plusSeconds(300);
		String token = token(expiry);
		AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
		VerifiedTokens tokens = new VerifiedTokens(this.counting, clock(now));
		tokens.decode(token);

		now.set(expiry.plusSeconds(1));
		tokens.decode(token);
		tokens.decode(token);

		assertThat(this.verifications).as("never served from memory after its expiry").hasValue(3);
	}

	@Test
	void aTokenIsVerifiedAgainAfterAMinuteSoThatAWithdrawnKeyStopsWorking() throws Exception {
		String token = token(Instant.now().plusSeconds(3600));
		AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
		VerifiedTokens tokens = new VerifiedTokens(this.counting, clock(now));
		tokens.decode(token);
		tokens.decode(token);
		assertThat(this.verifications).hasValue(1);

		now.set(now.get().plus(VerifiedTokens.MAX_AGE).plusSeconds(1));
		tokens.decode(token);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenTheDecoderRefusesIsNeverRemembered() throws Exception {
		VerifiedTokens tokens = new VerifiedTokens(this.counting, Clock.systemUTC());
		String token = token(Instant.now().plusSeconds(300));
		String tampered = token.substring(0, token.length() - 4) + "AAAA";

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode(tampered));
		}
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void itForgetsEverythingRatherThanGrowPastItsBound() throws Exception {
		VerifiedTokens tokens = new VerifiedTokens(this.counting, Clock.systemUTC(), 3);
		String first = token(Instant.now().plusSeconds(300));
		tokens.decode(first);
		tokens.decode(token(Instant.now().plusSeconds(301)));
		tokens.decode(token(Instant.now().plusSeconds(302)));
		tokens.decode(first);
		assertThat(this.verifications).as("three remembered").hasValue(3);

		tokens.decode(token(Instant.now().plusSeconds(303)));
		tokens.decode(first);
		assertThat(this.verifications).as("a fourth made it forget, so the first is verified again").hasValue(5);
	}

	private static Clock clock(AtomicReference<Instant> now) {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
	}

	private String token(Instant expiresAt) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("frank")
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(5))))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner(this.keys.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
