package com.example.shop.platform.testsupport.wiring;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's Flyway set-up migrated its PostgreSQL database, and a row written there
 * is read back.
 */
public interface PostgresWiring {

	@Test
	default void flywayMigratedTableIsWrittenAndReadBack(@Autowired JdbcTemplate jdbc) {
		Integer applied = jdbc.queryForObject(
				"SELECT count(*) FROM flyway_schema_history WHERE script = 'V0_1__test_support_wiring_probe.sql' AND success",
				Integer.class);
		assertThat(applied).isEqualTo(1);

		UUID id = UUID.randomUUID();
		jdbc.update("INSERT INTO test_support_wiring_probe (id, note) VALUES (?, ?)", id, "written by " + getClass());

		assertThat(jdbc.queryForObject("SELECT note FROM test_support_wiring_probe WHERE id = ?", String.class, id))
			.isEqualTo("written by " + getClass());
	}

}
