package com.example.shop.platform.eventing;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Whether the service's database answers now. The consumers' error handler asks it after
 * a delivery failed to reach the database: while the database does not answer, such a
 * delivery does not count towards the attempts after which a record is dead-lettered, so
 * a database outage, however long, sends nothing to the dead letters. A service that
 * defines its own bean of this type replaces the library's.
 */
@FunctionalInterface
public interface StoreProbe {

	/**
	 * Whether the database can be reached; waits no longer than the driver's own timeout
	 * for a connection.
	 */
	boolean reachable();

	/**
	 * A probe that borrows a connection from the pool and asks the driver whether it is
	 * valid, waiting at most a second for the answer.
	 */
	static StoreProbe of(DataSource dataSource) {
		return () -> {
			try (Connection connection = dataSource.getConnection()) {
				return connection.isValid(1);
			}
			catch (SQLException | RuntimeException ex) {
				return false;
			}
		};
	}

}
