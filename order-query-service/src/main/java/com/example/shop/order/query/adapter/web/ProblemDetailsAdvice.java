package com.example.shop.order.query.adapter.web;

import java.util.List;
import java.util.Map;

import com.example.shop.platform.web.ProblemDetailsHandler;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error as RFC 9457 problem details. Spring MVC's own exceptions (unknown route,
 * wrong method) and {@code ResponseStatusException}s (404 for an unknown order or
 * projection, 409 for a rebuild that runs already) are answered by
 * {@link ProblemDetailsHandler}; this adds {@code errors} (each {@code field} and
 * {@code message}) to every 400 about a query parameter, and maps the service's
 * exceptions:
 * <ul>
 * <li>400: a parameter is missing, malformed, out of its range, or the range it forms is
 * not acceptable;</li>
 * <li>503 with {@code Retry-After: 1} and {@code currentVersion}: the view did not reach
 * the {@code minVersion} asked for in time.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> fieldError(result.getMethodParameter().getParameterName(),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String parameter = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(invalid(List.of(fieldError(parameter, expected(ex.getRequiredType())))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalid(List.of(fieldError(ex.getParameterName(), "is required"))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException ex) {
		return ResponseEntity.badRequest().body(invalid(List.of(fieldError(ex.parameter(), ex.getMessage()))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> behind(ViewBehindException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ex);
		problem.setProperty("currentVersion", ex.currentVersion());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
	}

	private static ProblemDetail invalid(List<Map<String, String>> errors) {
		return invalid(HttpStatus.BAD_REQUEST, "The request has invalid parameters; see errors.", errors);
	}

	private static String expected(Class<?> type) {
		String name = (type != null) ? type.getSimpleName() : "";
		return switch (name) {
			case "LocalDate" -> "must be an ISO date such as 2026-11-27";
			case "int", "Integer", "long", "Long" -> "must be a whole number";
			default -> "is malformed";
		};
	}

}
