package com.example.shop.platform.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation: a caller with any of these roles, and nobody else (403).
 * Every operation of a service says it; one without is refused to everybody and fails the
 * service's start, so a new endpoint cannot be published without a rule. A caller whose
 * only matching role is {@link Role#CUSTOMER} acts on their own data only: the operation
 * takes a {@link Caller} and asks {@link Caller#mayActFor}. The OpenAPI document lists
 * the roles of each operation ({@code x-roles}), and the authorization matrix test checks
 * each of them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allow {

	Role[] value();

}
