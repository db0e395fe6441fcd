/**
 * The REST contract as code: each service's OpenAPI document is committed under
 * {@code docs/api/}, a test fails when the served document differs from it or breaks its
 * clients without a new major version, and every documented example is replayed against
 * the running service.
 */
package com.example.shop.platform.testsupport.openapi;
