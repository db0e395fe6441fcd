package com.example.shop.order.query.adapter.web;

import com.example.shop.platform.web.ProblemDetailsHandler;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as RFC 9457 problem details. Spring MVC's own exceptions (unknown route,
 * wrong method), {@code ResponseStatusException}s (404 for an unknown order or
 * projection, 409 for a rebuild that runs already) and every 400 about a query parameter
 * (missing, malformed, out of its range, or a range that is not acceptable, each named in
 * {@code errors}) are answered by {@link ProblemDetailsHandler}; this maps the service's
 * own exception:
 * <ul>
 * <li>503 with {@code Retry-After: 1} and {@code currentVersion}: the view did not reach
 * the {@code minVersion} asked for in time.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> behind(ViewBehindException ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ex);
		problem.setProperty("currentVersion", ex.currentVersion());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
	}

}
