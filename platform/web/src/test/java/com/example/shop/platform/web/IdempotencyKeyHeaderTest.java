package com.example.shop.platform.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotencyKeyHeaderTest {

	@Test
	void noHeaderIsNoKey() {
		assertThat(IdempotencyKeyHeader.validated(null)).isNull();
	}

	@Test
	void aUuidOrAnyVisibleAsciiUpToTheLimitIsAKey() {
		String uuid = UUID.randomUUID().toString();
		String longest = "k".repeat(IdempotencyKeyHeader.MAX_LENGTH);

		assertThat(IdempotencyKeyHeader.validated(uuid)).isEqualTo(uuid);
		assertThat(IdempotencyKeyHeader.validated(longest)).isEqualTo(longest);
		assertThat(IdempotencyKeyHeader.validated("!~order:42/retry")).isEqualTo("!~order:42/retry");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "clé-1", "tab\there", "line\nbreak" })
	void anythingElseIs400(String key) {
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> IdempotencyKeyHeader.validated(key))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void aKeyOverTheLimitIs400() {
		assertThatExceptionOfType(ResponseStatusException.class)
			.isThrownBy(() -> IdempotencyKeyHeader.validated("k".repeat(IdempotencyKeyHeader.MAX_LENGTH + 1)));
	}

}
