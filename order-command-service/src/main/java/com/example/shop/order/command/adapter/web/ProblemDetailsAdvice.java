package com.example.shop.order.command.adapter.web;

import com.example.shop.order.command.application.IdempotencyKeyReusedException;
import com.example.shop.order.command.application.OrderNotFoundException;
import com.example.shop.order.command.domain.InvalidOrderException;
import com.example.shop.order.command.domain.OrderStateException;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.web.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Invalid and oversized bodies and Spring MVC's
 * own exceptions are answered by {@link ProblemDetailsHandler}; this maps the service's
 * exceptions:
 * <ul>
 * <li>400: a field is missing or malformed ({@code errors} lists each field);</li>
 * <li>404: no such order;</li>
 * <li>409: the order changed since the version in {@code If-Match}, or its status forbids
 * the change;</li>
 * <li>413: the body is larger than {@code shop.web.max-request-bytes};</li>
 * <li>422: a well-formed order that breaks a business rule, or an idempotency key reused
 * with another body;</li>
 * <li>428: {@code If-Match} is missing.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidOrder(InvalidOrderException ex) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex, ex.field());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> reusedKey(IdempotencyKeyReusedException ex) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(OrderNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> versionConflict(OptimisticConcurrencyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The order changed since version " + ex.expectedVersion() + "; read it again and retry."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateConflict(OrderStateException ex) {
		return answer(HttpStatus.CONFLICT, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingIfMatch(MissingIfMatchException ex) {
		return answer(HttpStatus.PRECONDITION_REQUIRED, ex);
	}

}
