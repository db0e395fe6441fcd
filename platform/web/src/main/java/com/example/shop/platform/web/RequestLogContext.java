package com.example.shop.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts what a request is about into the logging context (SLF4J's MDC), so that every line
 * logged while it is handled carries it, and JSON logs
 * ({@code logging.structured.format.console=ecs}) have it as fields:
 * <ul>
 * <li>{@value #CORRELATION_ID}: the caller's {@code X-Correlation-Id}, or a new one,
 * which the request then carries on, so that the events it causes have the same
 * correlation ({@code Causes.ofRequest});</li>
 * <li>{@value #ORDER_ID}, {@value #SAGA_ID}, {@value #CUSTOMER_ID}: the path's
 * {@code orderId}, {@code sagaId} or {@code customerId}, when it has one.</li>
 * </ul>
 */
public final class RequestLogContext {

	/** The MDC key of the correlation id, as the inbox names it for a message. */
	public static final String CORRELATION_ID = "correlation_id";

	/** The MDC key of the order a request or a message is about. */
	public static final String ORDER_ID = "order_id";

	/** The MDC key of the saga a request is about. */
	public static final String SAGA_ID = "saga_id";

	/** The MDC key of the customer a request is about. */
	public static final String CUSTOMER_ID = "customer_id";

	static final String HEADER = "X-Correlation-Id";

	private static final Map<String, String> PATH_VARIABLES = Map.of("orderId", ORDER_ID, "sagaId", SAGA_ID,
			"customerId", CUSTOMER_ID);

	private RequestLogContext() {
	}

	private static void restore(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

	/**
	 * Sets the correlation id around the whole request, first among the filters.
	 */
	static final class CorrelationFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String given = request.getHeader(HEADER);
			String correlation = (given != null && !given.isBlank()) ? given : UUID.randomUUID().toString();
			String before = MDC.get(CORRELATION_ID);
			MDC.put(CORRELATION_ID, correlation);
			try {
				chain.doFilter((given != null && !given.isBlank()) ? request : withHeader(request, correlation),
						response);
			}
			finally {
				restore(CORRELATION_ID, before);
			}
		}

		private static HttpServletRequest withHeader(HttpServletRequest request, String correlation) {
			return new HttpServletRequestWrapper(request) {

				@Override
				public String getHeader(String name) {
					return HEADER.equalsIgnoreCase(name) ? correlation : super.getHeader(name);
				}

				@Override
				public Enumeration<String> getHeaders(String name) {
					return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(correlation))
							: super.getHeaders(name);
				}

				@Override
				public Enumeration<String> getHeaderNames() {
					List<String> names = Collections.list(super.getHeaderNames());
					names.add(HEADER);
					return Collections.enumeration(names);
				}

			};
		}

	}

	/**
	 * Adds the ids the handler's path names, once the handler is known.
	 */
	static final class PathVariablesInterceptor implements HandlerInterceptor {

		private static final String BEFORE = PathVariablesInterceptor.class.getName() + ".before";

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
				Map<String, String> before = new HashMap<>();
				PATH_VARIABLES.forEach((variable, key) -> {
					if (variables.get(variable) instanceof String value) {
						before.put(key, MDC.get(key));
						MDC.put(key, value);
					}
				});
				request.setAttribute(BEFORE, before);
			}
			return true;
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				Exception ex) {
			if (request.getAttribute(BEFORE) instanceof Map<?, ?> before) {
				before.forEach((key, value) -> restore((String) key, (String) value));
			}
		}

	}

}
