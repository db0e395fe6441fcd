/**
 * HTTP plumbing every service with a REST API shares, auto-configured: the request body
 * size limit. What a service answers for its own errors stays in its own problem-details
 * advice.
 */
package com.example.shop.platform.web;
