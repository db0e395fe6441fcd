package com.example.shop.payment.adapter.web;

import com.example.shop.payment.application.AccountNotFoundException;
import com.example.shop.payment.domain.AccountAlreadyOpenException;
import com.example.shop.payment.domain.InvalidAccountException;
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
 * <li>404: the customer has no account;</li>
 * <li>409: the customer has an account already, or the account kept changing while a
 * deposit was retried;</li>
 * <li>413: the body is larger than {@code shop.web.max-request-bytes};</li>
 * <li>422: well-formed input that breaks a rule: an unknown currency, more decimals than
 * the currency has, a deposit in another currency than the account's.</li>
 * </ul>
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidAccountException ex) {
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, ex, ex.field());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(AccountNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> alreadyOpen(AccountAlreadyOpenException ex) {
		return answer(HttpStatus.CONFLICT, ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(OptimisticConcurrencyException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The account kept changing while this request was applied; send it again."));
	}

}
