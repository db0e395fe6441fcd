package com.example.shop.platform.eventing.deadletter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a dead-letter request failed, answered as problem details by every service's
 * handler (Spring MVC answers an {@link ErrorResponseException} by its body).
 */
public class DeadLetterProblem extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	private DeadLetterProblem(HttpStatus status, String detail, Throwable cause) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
	}

	static DeadLetterProblem notFound(String detail) {
		return new DeadLetterProblem(HttpStatus.NOT_FOUND, detail, null);
	}

	static DeadLetterProblem conflict(String detail) {
		return new DeadLetterProblem(HttpStatus.CONFLICT, detail, null);
	}

	static DeadLetterProblem invalid(String detail) {
		return new DeadLetterProblem(HttpStatus.BAD_REQUEST, detail, null);
	}

	/** Kafka did not answer in time: worth trying again shortly. */
	static DeadLetterProblem unavailable(String detail, Throwable cause) {
		DeadLetterProblem problem = new DeadLetterProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, cause);
		problem.headers.set(HttpHeaders.RETRY_AFTER, "5");
		return problem;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
