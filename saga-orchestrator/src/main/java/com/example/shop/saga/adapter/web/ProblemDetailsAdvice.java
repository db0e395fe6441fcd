package com.example.shop.saga.adapter.web;

import com.example.shop.platform.web.ProblemDetailsHandler;
import com.example.shop.saga.application.SagaNotFoundException;
import com.example.shop.saga.domain.SagaStateException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Spring MVC's own exceptions (unknown route,
 * wrong method), invalid or oversized bodies and every 400 about a parameter (a malformed
 * saga id, out-of-range paging, a value the API does not accept, each named in
 * {@code errors}) are answered by {@link ProblemDetailsHandler}; this maps the service's:
 * <ul>
 * <li>404: no such saga;</li>
 * <li>409: the saga's state does not allow the request.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(SagaNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateConflict(SagaStateException ex) {
		return answer(HttpStatus.CONFLICT, ex);
	}

}
