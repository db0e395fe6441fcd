package com.example.shop.systemtests;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.TRUSTED_CLIENT;
import static com.example.shop.systemtests.ApiCalls.assertProblem;

/**
 * OWASP API Security Top 10 (2023), API9: improper inventory management. What runs is
 * what is documented: each service, started from the jar the build made, serves exactly
 * its committed OpenAPI document; and the routes that forgotten, older or debugging APIs
 * tend to leave behind answer 404 to a caller with every role.
 */
class Api9InventoryManagementIT extends ApiSecurityTest {

	private static final List<String> FORGOTTEN = List.of("/v1/orders", "/v2/orders", "/api/orders", "/api/v1/sagas",
			"/admin", "/internal", "/debug", "/console", "/h2-console", "/graphql", "/v2/api-docs",
			"/swagger-resources", "/env", "/metrics", "/trace", "/jolokia", "/products", "/error");

	@Test
	void everyServiceServesExactlyItsCommittedDocument() {
		for (Service service : Service.values()) {
			this.system.apiContract(service).servedDocumentIsTheCommittedOne();
		}
	}

	@Test
	void routesOfForgottenApisAreNotThere() {
		for (Service service : Service.values()) {
			for (String route : FORGOTTEN) {
				assertProblem(this.calls.as(TRUSTED_CLIENT, service, "GET", route, null), 404);
			}
		}
	}

}
