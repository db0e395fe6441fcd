package com.example.shop.platform.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each operation's {@link Allow} before its body is read: 403 for a caller
 * without one of its roles, and for every caller of an operation of the service that has
 * no rule; then a person's rate limit (429 with {@code Retry-After}). The {@link Caller}
 * it finds is what the operation's {@code Caller} parameter receives.
 */
final class AccessInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

	private static final String CALLER = Caller.class.getName();

	private final Predicate<Class<?>> needsRule;

	private final PersonRateLimits limits;

	/**
	 * @param needsRule whether a controller's operations need a rule (all but the
	 * framework's: Swagger UI's, the error page's)
	 * @param limits each person's rate limit
	 */
	AccessInterceptor(Predicate<Class<?>> needsRule, PersonRateLimits limits) {
		this.needsRule = needsRule;
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Allow allow = method.getMethodAnnotation(Allow.class);
		if (allow == null) {
			if (this.needsRule.test(method.getBeanType())) {
				throw new AccessDeniedException("This operation has no access rule");
			}
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new AuthenticationCredentialsNotFoundException("A bearer token is required");
		}
		if (token.getToken().getSubject() == null || token.getToken().getSubject().isBlank()) {
			// the events a request causes name its subject: a token without one is no use
			throw new InvalidBearerTokenException("The token names no subject");
		}
		Caller caller = Callers.of(token.getToken(), allow.value());
		if (caller == null) {
			throw new AccessDeniedException("The caller has none of the roles this operation needs");
		}
		if (token.getToken().hasClaim(Callers.ROLES)) {
			Optional<Duration> wait = this.limits.take(caller.name());
			if (wait.isPresent()) {
				SecurityProblems.tooManyRequests(request, response, wait.get());
				return false;
			}
		}
		request.setAttribute(CALLER, caller);
		return true;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Object caller = request.getAttribute(CALLER, NativeWebRequest.SCOPE_REQUEST);
		if (caller == null) {
			throw new IllegalStateException(parameter.getExecutable() + " takes a Caller but has no @Allow");
		}
		return (Caller) caller;
	}

}
