package com.example.shop.saga.adapter.web;

import java.util.List;
import java.util.Map;

import com.example.shop.saga.application.SagaNotFoundException;
import com.example.shop.saga.domain.SagaStateException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring MVC's own exceptions (unknown route,
 * malformed saga id, out-of-range paging, wrong method) are handled by the base class;
 * this maps the service's:
 * <ul>
 * <li>400: a parameter with a value the API does not accept ({@code errors} names
 * it);</li>
 * <li>404: no such saga;</li>
 * <li>409: the saga's state does not allow the request.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid parameters; see errors.");
		problem.setProperty("errors", List.of(Map.of("field", ex.parameter(), "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(SagaNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stateConflict(SagaStateException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()));
	}

}
