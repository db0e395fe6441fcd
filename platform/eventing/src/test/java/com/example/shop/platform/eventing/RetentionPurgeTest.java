package com.example.shop.platform.eventing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * What a purge accepts: it builds its SQL from the table and column, so they must be
 * plain identifiers. Its deletes are tested against PostgreSQL in {@code InboxIT} and in
 * the services' API tests.
 */
class RetentionPurgeTest {

	private final JdbcTemplate jdbc = new JdbcTemplate();

	@Test
	void takesPlainIdentifiersAndPositiveDurations() {
		assertThatNoException().isThrownBy(() -> new RetentionPurge(this.jdbc, "inbox_message", "processed_at",
				Duration.ofDays(14), Duration.ofHours(1)));
	}

	@Test
	void refusesATableOrColumnThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionPurge(this.jdbc,
				"inbox_message; DROP TABLE event_store", "processed_at", Duration.ofDays(14), Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionPurge(this.jdbc, "inbox_message",
				"processed_at < now() OR true", Duration.ofDays(14), Duration.ofHours(1)));
	}

	@Test
	void aClaimOfAKeyPurgedBetweenItsInsertAndItsReadInsertsAgain() {
		Deque<Integer> inserted = new ArrayDeque<>(List.of(0, 1));
		List<String> reads = new ArrayList<>();

		// the first insert finds the key, the purge deletes it before the read
		Optional<String> earlier = RetentionPurge.claim(inserted::pop, () -> {
			reads.add("read");
			return List.of();
		});

		assertThat(earlier).isEmpty();
		assertThat(inserted).isEmpty();
		assertThat(reads).hasSize(1);
	}

	@Test
	void aClaimOfAKeyThatIsThereReturnsWhatTheFirstClaimStored() {
		assertThat(RetentionPurge.claim(() -> 0, () -> List.of("first"))).hasValue("first");
		assertThat(RetentionPurge.claim(() -> 1, () -> List.of("first"))).isEmpty();
	}

	@Test
	void refusesAZeroOrNegativeRetentionOrInterval() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionPurge(this.jdbc, "inbox_message",
				"processed_at", Duration.ZERO, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionPurge(this.jdbc, "inbox_message",
				"processed_at", Duration.ofDays(14), Duration.ofSeconds(-1)));
	}

}
