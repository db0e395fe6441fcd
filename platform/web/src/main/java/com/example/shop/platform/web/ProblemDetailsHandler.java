package com.example.shop.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem-details (RFC 9457) base that every service's {@code @RestControllerAdvice}
 * extends, so that a service adds only the mapping of its own exceptions. Spring MVC's
 * own exceptions (unknown route, wrong method or media type, malformed path variable) are
 * answered by {@link ResponseEntityExceptionHandler}; on top of that, the same in every
 * service:
 * <ul>
 * <li>400 for a body whose fields fail bean validation, with {@code errors}: each
 * {@code field} and its {@code message};</li>
 * <li>400 for a body that is not JSON of the expected shape;</li>
 * <li>400 for a query or path parameter that is missing, malformed, fails its constraint
 * or is refused ({@link InvalidParameterException}), with {@code errors}: each parameter
 * as {@code field}, and its {@code message};</li>
 * <li>413 for a body larger than {@code shop.web.max-request-bytes}, however it was
 * noticed (by {@link RequestSizeLimitFilter} while the body was read).</li>
 * </ul>
 * The helpers build the answers a service maps its own exceptions to, in the same shape.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalid(HttpStatus.BAD_REQUEST, "The request has invalid fields; see errors.",
					ex.getBindingResult()
						.getFieldErrors()
						.stream()
						.map((error) -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
						.toList()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (rootCause(ex) instanceof PayloadTooLargeException tooLarge) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge));
		}
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request body is not valid JSON of the expected shape."));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalidParameters(ex.getParameterValidationResults()
				.stream()
				.flatMap((result) -> result.getResolvableErrors()
					.stream()
					.map((error) -> fieldError(result.getMethodParameter().getParameterName(),
							String.valueOf(error.getDefaultMessage()))))
				.toList()));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String parameter = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(invalidParameters(List.of(fieldError(parameter, expected(ex.getRequiredType())))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalidParameters(List.of(fieldError(ex.getParameterName(), "is required"))));
	}

	@ExceptionHandler
	protected ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		return ResponseEntity.badRequest()
			.body(invalidParameters(List.of(fieldError(ex.parameter(), ex.getMessage()))));
	}

	@ExceptionHandler
	protected ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
		return answer(HttpStatus.CONTENT_TOO_LARGE, ex);
	}

	/**
	 * The answer {@code status} with the exception's message as its detail.
	 */
	protected static ResponseEntity<ProblemDetail> answer(HttpStatus status, Exception ex) {
		return ResponseEntity.status(status).body(problem(status, ex));
	}

	/**
	 * The answer {@code status} with the exception's message as its detail and
	 * {@code errors} naming the one field it is about.
	 */
	protected static ResponseEntity<ProblemDetail> answer(HttpStatus status, Exception ex, String field) {
		return ResponseEntity.status(status)
			.body(invalid(status, ex.getMessage(), List.of(fieldError(field, ex.getMessage()))));
	}

	/**
	 * A problem with the exception's message as its detail.
	 */
	protected static ProblemDetail problem(HttpStatus status, Exception ex) {
		return ProblemDetail.forStatusAndDetail(status, ex.getMessage());
	}

	/**
	 * A problem whose {@code errors} list each field (or parameter) and what is wrong
	 * with it.
	 */
	protected static ProblemDetail invalid(HttpStatus status, String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * One entry of {@code errors}.
	 */
	protected static Map<String, String> fieldError(String field, String message) {
		return Map.of("field", String.valueOf(field), "message", String.valueOf(message));
	}

	private static ProblemDetail invalidParameters(List<Map<String, String>> errors) {
		return invalid(HttpStatus.BAD_REQUEST, "The request has invalid parameters; see errors.", errors);
	}

	/**
	 * What a parameter of the type must look like.
	 */
	private static String expected(Class<?> type) {
		String name = (type != null) ? type.getSimpleName() : "";
		return switch (name) {
			case "LocalDate" -> "must be an ISO date such as 2026-11-27";
			case "int", "Integer", "long", "Long" -> "must be a whole number";
			default -> "is malformed";
		};
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
