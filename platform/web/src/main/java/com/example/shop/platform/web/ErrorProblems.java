package com.example.shop.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Problem details (RFC 9457) for the errors that no controller answers: those the servlet
 * container or a filter raises before a request reaches an operation (a path with an
 * encoded slash or a control character, a request line too long, a request the firewall
 * rejects). Spring Boot would answer them with its own JSON or Tomcat with an HTML page.
 * The detail says only what kind of error it is, never why in the words of the code that
 * raised it.
 */
public final class ErrorProblems {

	private ErrorProblems() {
	}

	/**
	 * The problem for the status {@code code}, known to Spring or not: its title and what
	 * went wrong, in the client's terms.
	 */
	static ProblemDetail problem(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		String detail = (status == null) ? "The request failed." : switch (status) {
			case BAD_REQUEST -> "The request is malformed or was refused before it reached an operation.";
			case NOT_FOUND -> "No such resource.";
			case METHOD_NOT_ALLOWED -> "This resource does not support the request's method.";
			case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's line or headers are too long.";
			default -> status.is5xxServerError() ? "The service failed to answer; the failure is logged."
					: status.getReasonPhrase() + ".";
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code), detail);
		problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		return problem;
	}

	/**
	 * The error page of Spring MVC: a filter or the container sent an error, and the
	 * container forwarded to {@code /error}. Called directly, it is no resource: 404. Not
	 * part of the API, so not in its document.
	 */
	@Hidden
	@RestController
	@RequestMapping("${server.error.path:/error}")
	public static class Controller implements ErrorController {

		@RequestMapping
		ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
			Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			ProblemDetail problem = problem((code instanceof Integer value) ? value : HttpStatus.NOT_FOUND.value());
			return ResponseEntity.status(problem.getStatus())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}

	}

	/**
	 * Tomcat's error page for what it refuses itself, before any filter: problem details
	 * in place of its HTML. Registered as the host's error report valve; Spring Boot's
	 * own (which only hides the stack trace) stays in the pipeline behind it, and finds
	 * the error reported.
	 */
	public static class Valve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			ProblemDetail problem = problem(code);
			String body = """
					{"type":"about:blank","title":"%s","status":%d,"detail":"%s"}\
					""".formatted(problem.getTitle(), code, problem.getDetail());
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				// what Spring Security's headers would have said, had the request reached
				// it
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone, or the response was already on its way
			}
		}

	}

}
