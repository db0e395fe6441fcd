package com.example.shop.inventory.adapter.web;

import java.util.List;
import java.util.Map;

import com.example.shop.inventory.application.IdempotencyKeyReusedException;
import com.example.shop.inventory.application.ProductNotFoundException;
import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.ProductExistsException;
import com.example.shop.platform.eventing.store.OptimisticConcurrencyException;
import com.example.shop.platform.web.PayloadTooLargeException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details. Spring MVC's own exceptions (unknown route,
 * malformed JSON, wrong method or media type) are handled by the base class; this adds
 * field details to validation errors and maps the service's exceptions:
 * <ul>
 * <li>400: a field is missing or malformed ({@code errors} lists each field);</li>
 * <li>404: no such product;</li>
 * <li>409: the product exists with another initial stock, or concurrent changes kept
 * winning the race;</li>
 * <li>413: the body is larger than {@code shop.web.max-request-bytes};</li>
 * <li>422: a well-formed request that breaks a stock rule, e.g. more units received than
 * can be counted, or an {@code Idempotency-Key} reused for another restock.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields; see errors.");
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (rootCause(ex) instanceof PayloadTooLargeException tooLarge) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON of the expected shape.");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex);
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidStock(InvalidStockException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex);
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> reusedKey(IdempotencyKeyReusedException ex) {
		return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT, ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ProductNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> exists(ProductExistsException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> versionConflict(OptimisticConcurrencyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The product kept changing concurrently; try again.");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE, ex));
	}

	private static ProblemDetail problem(HttpStatus status, Exception ex) {
		return ProblemDetail.forStatusAndDetail(status, ex.getMessage());
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
