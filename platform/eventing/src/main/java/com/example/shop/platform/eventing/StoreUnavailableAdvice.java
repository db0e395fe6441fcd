package com.example.shop.platform.eventing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that cannot reach the service's database, or meets a database that takes no
 * writes for now (read-only during a failover, out of disk space, shutting down), fails
 * fast as 503 problem details with {@code Retry-After}, instead of a 500: the client
 * learns that it may retry and when. Each service's own advice comes first; this one
 * catches what is left. How fast "fast" is, is the connection pool's
 * {@code connection-timeout} (2 s in every service with PostgreSQL), or the MongoDB
 * client's server selection timeout (2 s in the order-query-service, whose
 * {@code MongoTemplate} turns the driver's failures into these exceptions).
 * <p>
 * It decides as the consumers' error handler does ({@link StoreAwareBackOff}): by the
 * failure where the failure says enough, and by asking the {@link StoreProbe} where it
 * does not. A connection that broke in the middle of a transaction may leave nothing
 * better than "connection is closed" for the statements after it.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class StoreUnavailableAdvice {

	static final String RETRY_AFTER_SECONDS = "2";

	private final StoreProbe store;

	public StoreUnavailableAdvice(StoreProbe store) {
		this.store = store;
	}

	/**
	 * A failure of the database or of a transaction. A database that answered that it
	 * takes no writes, a connection that could not be had or broke, a statement that
	 * timed out, or any other failure while the probe finds the database down, is 503:
	 * where a commit failed on a broken connection it may in fact have happened, so the
	 * answer does not claim that nothing changed, and a client retries with the same
	 * idempotency key. Any other failure goes on to the handlers after this one, as if
	 * this one did not exist.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> storeFailed(Exception ex) throws Exception {
		if (StoreFailures.refusingWrites(ex)) {
			return unavailable("The service's database takes no writes for now. Retry in a few seconds.");
		}
		if (StoreFailures.unreachable(ex) || ex instanceof QueryTimeoutException || !this.store.reachable()) {
			return unavailable("The service's database cannot be reached. Retry in a few seconds.");
		}
		throw ex;
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Store unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
