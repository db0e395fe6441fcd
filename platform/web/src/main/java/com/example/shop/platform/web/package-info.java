/**
 * HTTP plumbing every service with a REST API shares, auto-configured: the request body
 * size limit and admission control.
 * {@link com.example.shop.platform.web.ProblemDetailsHandler} is the base of every
 * service's problem-details advice, which adds only the mapping of the service's own
 * exceptions.
 */
package com.example.shop.platform.web;
