package com.example.shop.platform.eventing;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import com.example.shop.platform.testsupport.PostgresEndpoint;
import com.example.shop.platform.testsupport.TcpProxy;
import com.example.shop.platform.testsupport.TestInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a request meets when a real PostgreSQL answers but takes no writes, or goes away
 * in the middle of a transaction: 503 with {@code Retry-After}, not a 500; and what else
 * goes wrong in the database is left to the handlers after this one.
 */
class StoreUnavailableAdviceIT {

	private static final StoreProbe UP = () -> true;

	private final StoreUnavailableAdvice advice = new StoreUnavailableAdvice(UP);

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

			ResponseEntity<ProblemDetail> answer = this.advice.storeFailed(refused);

			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
			assertThat(answer.getBody().getDetail()).contains("takes no writes");
		}
	}

	@Test
	void anyOtherFailureOfADatabaseThatAnswersGoesOnToTheNextHandler() throws Exception {
		try (Connection connection = connect()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			DataAccessException badSql = catchThrowableOfType(DataAccessException.class,
					() -> jdbc.update("INSERT INTO no_such_table (id) VALUES (1)"));
			assertThat(badSql).isNotNull();

			assertThatThrownBy(() -> this.advice.storeFailed(badSql)).isSameAs(badSql);
		}
	}

	/**
	 * Once a statement has found the connection broken, the pool closes it, and the
	 * transaction's next statement learns no more than "connection is closed": the probe
	 * decides.
	 */
	@Test
	void aStatementOnAConnectionThatBrokeEarlierInItsTransactionIs503WhileTheDatabaseIsAway() throws Exception {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		try (TcpProxy proxy = TcpProxy.to(postgres.jdbcUrl()); HikariDataSource pool = pool(proxy)) {
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			DataAccessException[] failures = new DataAccessException[2];
			catchThrowableOfType(RuntimeException.class,
					() -> new TransactionTemplate(new JdbcTransactionManager(pool)).executeWithoutResult((status) -> {
						jdbc.queryForObject("SELECT 1", Integer.class);
						proxy.cut();
						failures[0] = catchThrowableOfType(DataAccessException.class,
								() -> jdbc.queryForObject("SELECT 1", Integer.class));
						failures[1] = catchThrowableOfType(DataAccessException.class,
								() -> jdbc.queryForObject("SELECT 1", Integer.class));
					}));
			assertThat(failures).doesNotContainNull();
			assertThat(StoreFailures.unreachable(failures[0])).as("the statement that met the break").isTrue();
			assertThat(StoreFailures.unreachable(failures[1])).as("the statement after it").isFalse();

			assertThat(this.advice.storeFailed(failures[0]).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThatThrownBy(() -> this.advice.storeFailed(failures[1])).as("while the probe finds the database up")
				.isSameAs(failures[1]);
			ResponseEntity<ProblemDetail> answer = new StoreUnavailableAdvice(StoreProbe.of(pool))
				.storeFailed(failures[1]);
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(answer.getBody().getDetail()).contains("cannot be reached");
		}
	}

	/**
	 * Behind a network partition, or on a stalled host, a statement gets no answer at
	 * all: the driver's {@code socketTimeout}, which every service sets, ends the wait,
	 * and what it throws is a connection that broke.
	 */
	@Test
	void aStatementToADatabaseThatStoppedAnsweringFailsAfterTheSocketTimeoutAs503() throws Exception {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		try (TcpProxy proxy = TcpProxy.to(postgres.jdbcUrl()); HikariDataSource pool = pool(proxy)) {
			pool.addDataSourceProperty("socketTimeout", "1");
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);

			proxy.freeze();
			Instant start = Instant.now();
			DataAccessException failure = catchThrowableOfType(DataAccessException.class,
					() -> jdbc.queryForObject("SELECT 1", Integer.class));
			Duration took = Duration.between(start, Instant.now());

			assertThat(failure).as("the statement to a database that does not answer")
				.hasRootCauseInstanceOf(SocketTimeoutException.class);
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(StoreFailures.unreachable(failure)).as("%s", failure).isTrue();
			assertThat(this.advice.storeFailed(failure).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	@Test
	void aFullDiskTranslatedAsAResourceFailureSaysThatTheDatabaseTakesNoWrites() throws Exception {
		ResponseEntity<ProblemDetail> answer = this.advice.storeFailed(new DataAccessResourceFailureException("insert",
				new SQLException("could not extend file: No space left on device", "53100")));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getBody().getDetail()).contains("takes no writes");
		assertThat(this.advice.storeFailed(new DataAccessResourceFailureException("connection refused"))
			.getBody()
			.getDetail()).contains("cannot be reached");
	}

	/** A pool that reaches the database through the proxy and waits 0.5 s at most. */
	private static HikariDataSource pool(TcpProxy proxy) {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(proxy.rewrite(postgres.jdbcUrl()));
		pool.setUsername(postgres.username());
		pool.setPassword(postgres.password());
		pool.setConnectionTimeout(500);
		pool.setValidationTimeout(250);
		return pool;
	}

	private static Connection connect() throws Exception {
		PostgresEndpoint postgres = TestInfrastructure.get().postgres();
		return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
	}

}
