package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.OPERATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API5: broken function level authorization. The
 * authorization matrix of every service as deployed, generated from its committed OpenAPI
 * document: each operation, called as nobody, as each customer, as each staff role and as
 * each machine client, admits exactly the roles its {@code x-roles} lists (401 and 403
 * otherwise). An operation without a rule fails the build before this runs: a service
 * does not start with one.
 */
class Api5FunctionLevelAuthorizationIT extends ApiSecurityTest {

	@Test
	void everyOperationOfEveryServiceAdmitsExactlyItsDocumentedRoles() {
		for (Service service : Service.values()) {
			List<String> calls = this.system.apiContract(service).everyOperationAdmitsExactlyItsDocumentedRoles();
			assertThat(calls).as("the matrix of %s", service).anyMatch((call) -> call.endsWith("-> 403"));
		}
	}

	/**
	 * The matrix rebuilt a projection as operations; the tests after it find them live.
	 */
	@AfterAll
	void projectionsLive() {
		HttpResponse<String> projections = this.calls.await(
				(response) -> this.calls.json(response).findValuesAsString("state").stream().allMatch("LIVE"::equals),
				() -> this.calls.as(OPERATIONS, Service.ORDER_QUERY, "GET", "/projections", null));
		assertThat(this.calls.json(projections).findValuesAsString("state")).containsOnly("LIVE");
	}

}
