package com.example.shop.saga.adapter.web;

import java.util.List;

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
 * malformed saga id, out-of-range paging, wrong method) and invalid or oversized bodies
 * are answered by {@link ProblemDetailsHandler}; this maps the service's:
 * <ul>
 * <li>400: a parameter with a value the API does not accept ({@code errors} names
 * it);</li>
 * <li>404: no such saga;</li>
 * <li>409: the saga's state does not allow the request.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return ResponseEntity.badRequest()
			.body(invalid(HttpStatus.BAD_REQUEST, "The request has invalid parameters; see errors.",
					List.of(fieldError(ex.parameter(), ex.getMessage()))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(SagaNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateConflict(SagaStateException ex) {
		return answer(HttpStatus.CONFLICT, ex);
	}

}
