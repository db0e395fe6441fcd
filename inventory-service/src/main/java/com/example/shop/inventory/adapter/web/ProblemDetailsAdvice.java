package com.example.shop.inventory.adapter.web;

import com.example.shop.inventory.application.IdempotencyKeyReusedException;
import com.example.shop.inventory.application.ProductNotFoundException;
import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.product.ProductExistsException;
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
 * <li>404: no such product;</li>
 * <li>409: the product exists with another initial stock, or concurrent changes kept
 * winning the race;</li>
 * <li>413: the body is larger than {@code shop.web.max-request-bytes};</li>
 * <li>422: a well-formed request that breaks a stock rule, e.g. more units received than
 * can be counted, or an {@code Idempotency-Key} reused for another restock.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
		return answer(HttpStatus.BAD_REQUEST, ex, ex.field());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidStock(InvalidStockException ex) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex, ex.field());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> reusedKey(IdempotencyKeyReusedException ex) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ProductNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> exists(ProductExistsException ex) {
		return answer(HttpStatus.CONFLICT, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> versionConflict(OptimisticConcurrencyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The product kept changing concurrently; try again."));
	}

}
