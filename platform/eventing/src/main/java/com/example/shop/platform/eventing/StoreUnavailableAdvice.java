package com.example.shop.platform.eventing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
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
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class StoreUnavailableAdvice {

	static final String RETRY_AFTER_SECONDS = "2";

	/**
	 * No connection to be had, a connection that broke mid-request, or a transaction that
	 * could not be ended on a broken connection. In the last case a commit may in fact
	 * have happened, so the answer does not claim that nothing changed: a client retries
	 * with the same idempotency key.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			QueryTimeoutException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
		// a full disk or a shutdown arrives as a resource failure too
		return StoreFailures.refusingWrites(ex) ? refusingWrites()
				: unavailable("The service's database cannot be reached. Retry in a few seconds.");
	}

	/**
	 * The database answered that it takes no writes for now; any other failure of the
	 * database goes on to the handlers after this one, as if this one did not exist.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> storeRefusingWrites(DataAccessException ex) {
		if (!StoreFailures.refusingWrites(ex)) {
			throw ex;
		}
		return refusingWrites();
	}

	private static ResponseEntity<ProblemDetail> refusingWrites() {
		return unavailable("The service's database takes no writes for now. Retry in a few seconds.");
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Store unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
