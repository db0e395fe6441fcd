package com.example.shop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation can answer with, each as RFC 9457 problem details. The
 * OpenAPI document lists each with the {@code ProblemDetail} schema, an example, and
 * {@code Retry-After} where the status has one; what the status means for this operation
 * belongs in the operation's description. Commands need not list 503: every command can
 * be shed under overload, and the document says so for each.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

	/**
	 * The HTTP statuses, e.g. {@code {400, 404, 409}}.
	 */
	int[] value();

}
