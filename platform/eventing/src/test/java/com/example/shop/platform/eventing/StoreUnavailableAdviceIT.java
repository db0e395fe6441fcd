package com.example.shop.platform.eventing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.example.shop.platform.testsupport.PostgresEndpoint;
import com.example.shop.platform.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a request meets when a real PostgreSQL answers but takes no writes: 503 with
 * {@code Retry-After}, not a 500; and what else goes wrong in the database is left to the
 * handlers after this one.
 */
class StoreUnavailableAdviceIT {

	private final StoreUnavailableAdvice advice = new StoreUnavailableAdvice();

	@Test
	void aWriteToADatabaseThatTakesNoWritesIs503WithRetryAfter() throws Exception {
		try (Connection connection = connect()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			// a temporary table would take writes even so
			jdbc.execute("CREATE TABLE IF NOT EXISTS advice_it (id int)");
			jdbc.execute("SET default_transaction_read_only = on");
			DataAccessException refused = catchThrowableOfType(DataAccessException.class,
					() -> jdbc.update("INSERT INTO advice_it (id) VALUES (1)"));
			jdbc.execute("SET default_transaction_read_only = off");
			jdbc.execute("DROP TABLE advice_it");
			assertThat(refused).as("the insert in a read-only session").isNotNull();

			ResponseEntity<ProblemDetail> answer = this.advice.storeRefusingWrites(refused);

			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
			assertThat(answer.getBody().getDetail()).contains("takes no writes");
		}
	}

	@Test
	void anyOtherFailureOfTheDatabaseGoesOnToTheNextHandler() throws Exception {
		try (Connection connection = connect()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			DataAccessException badSql = catchThrowableOfType(DataAccessException.class,
					() -> jdbc.update("INSERT INTO no_such_table (id) VALUES (1)"));
			assertThat(badSql).isNotNull();

			assertThatThrownBy(() -> this.advice.storeRefusingWrites(badSql)).isSameAs(badSql);
		}
	}

	@Test
	void aFullDiskTranslatedAsAResourceFailureSaysThatTheDatabaseTakesNoWrites() {
		ResponseEntity<ProblemDetail> answer = this.advice.storeUnavailable(new DataAccessResourceFailureException(
				"insert", new SQLException("could not extend file: No space left on device", "53100")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getBody().getDetail()).contains("takes no writes");
		assertThat(this.advice.storeUnavailable(new DataAccessResourceFailureException("connection refused"))
			.getBody()
			.getDetail()).contains("cannot be reached");
	}

	private static Connection connect() throws Exception {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
	}

}
