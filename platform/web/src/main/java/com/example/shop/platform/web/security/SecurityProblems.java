package com.example.shop.platform.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as every other error of the services: RFC 9457 problem details, with the
 * {@code WWW-Authenticate} challenge of RFC 6750. Neither the detail nor the challenge
 * says why a token was refused in the words of the library that refused it.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		// RFC 6750: a refused token is invalid_token; a missing one is only challenged
		boolean refused = ex instanceof OAuth2AuthenticationException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, refused ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED,
				"This operation needs a valid bearer token from the shop's issuer in the Authorization header");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(request, response, HttpStatus.FORBIDDEN, "The caller's roles do not include one this operation needs");
	}

	/**
	 * 429 for a person who sent more than their rate allows, with when to try again.
	 */
	static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, Duration wait)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"More requests than this caller may send; retry after Retry-After seconds");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
