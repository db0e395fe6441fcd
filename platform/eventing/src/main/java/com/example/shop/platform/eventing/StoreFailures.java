package com.example.shop.platform.eventing;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures that say something about the database rather than about the work that met
 * them: every piece of work fails the same way until the database recovers, so none of it
 * is to blame.
 */
final class StoreFailures {

	/**
	 * The MongoDB driver's failures to reach a server, by name: the driver is not on
	 * every service's class path. Spring Data translates them for {@code MongoTemplate},
	 * not for the collections a service drives itself.
	 */
	private static final Set<String> MONGO_UNREACHABLE = Set.of("com.mongodb.MongoTimeoutException",
			"com.mongodb.MongoSocketException");

	/**
	 * PostgreSQL's states of a server that answers but takes no writes for now: read-only
	 * (a standby, a demoted primary during a failover, or
	 * {@code default_transaction_read_only}), out of disk space, out of connections,
	 * shutting down or starting up. Out of memory is not among them: one statement may
	 * cause it.
	 */
	private static final Set<String> REFUSING_WRITES = Set.of("25006", "53100", "53300", "57P01", "57P02", "57P03");

	/** The SQLSTATE class of a connection that could not be had or broke. */
	private static final String CONNECTION_EXCEPTION = "08";

	private StoreFailures() {
	}

	/**
	 * Whether the failure, or one of its causes, is a connection to the database that
	 * could not be had or broke (SQLSTATE class 08, whatever a translator made of it), or
	 * a transaction that could not be ended on one.
	 */
	static boolean unreachable(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof CannotCreateTransactionException || ex instanceof DataAccessResourceFailureException
					|| ex instanceof TransactionSystemException || (ex instanceof SQLException sql
							&& sql.getSQLState() != null && sql.getSQLState().startsWith(CONNECTION_EXCEPTION))) {
				return true;
			}
			for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
				if (MONGO_UNREACHABLE.contains(type.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the failure, or one of its causes, is the database refusing writes for a
	 * reason of its own ({@link #REFUSING_WRITES}).
	 */
	static boolean refusingWrites(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			// a closed connection has no SQLSTATE, and Set.of holds no null
			if (ex instanceof SQLException sql && sql.getSQLState() != null
					&& REFUSING_WRITES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
