package com.example.shop.platform.testsupport.wiring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's Flyway set-up migrated its PostgreSQL database, a row written there is
 * read back, the database ends transactions that a frozen instance left open, and a
 * statement to a database that stopped answering does not wait for ever.
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

	/**
	 * An instance frozen in the middle of a transaction (a long GC pause, a stalled VM)
	 * keeps its connection open; unless PostgreSQL ends the transaction, its locks hold
	 * up the instance that took over its work until it wakes.
	 */
	@Test
	default void databaseEndsTransactionsLeftIdle(@Autowired JdbcTemplate jdbc) {
		assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class))
			.as("idle_in_transaction_session_timeout (0 is off)")
			.isNotEqualTo("0");
	}

	/**
	 * A database that stops answering (a network partition, a stalled host) sends no
	 * error: only the driver's {@code socketTimeout} ends a statement's wait for it,
	 * which is none unless it is set.
	 */
	@Test
	default void statementsToADatabaseThatStoppedAnsweringTimeOut(@Autowired DataSource dataSource)
			throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assertThat(connection.getNetworkTimeout()).as("the driver's socketTimeout in ms (0 is for ever)")
				.isBetween(11_000, 60_000);
		}
	}

}
