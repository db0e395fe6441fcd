package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.FINANCE;
import static com.example.shop.platform.testsupport.TestPrincipal.OPERATIONS;
import static com.example.shop.platform.testsupport.TestPrincipal.SALES;
import static com.example.shop.platform.testsupport.TestPrincipal.WAREHOUSE;
import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API8: security misconfiguration, on every service as
 * deployed. Whatever goes wrong, the answer is problem details without a stack trace, a
 * class name or SQL, also for what the servlet container or the firewall refuses; every
 * answer carries the security headers; no other origin is granted access (CORS closed);
 * TRACE is off; and the actuator is not on the API port, only on the management port,
 * which shows health and metrics and nothing else.
 */
class Api8SecurityMisconfigurationIT extends ApiSecurityTest {

	@Test
	void whateverGoesWrongTheAnswerIsProblemDetailsWithoutInternals() {
		assertProblem(
				this.calls.as(SALES, Service.ORDER_COMMAND, "POST", "/orders", "{\"lines\": [{\"quantity\": \"x\"}]}"),
				400);
		assertProblem(this.calls.as(SALES, Service.ORDER_COMMAND, "POST", "/orders", "[1, 2"), 400);
		assertProblem(this.calls.as(OPERATIONS, Service.SAGA, "GET", "/sagas/not-a-uuid", null), 400);
		assertProblem(this.calls.as(SALES, Service.ORDER_COMMAND, "DELETE", "/orders", null), 405);
		assertProblem(this.calls.as(OPERATIONS, Service.SAGA, "GET", "/sagas?state=NOPE", null), 400);
		assertProblem(this.calls.as(OPERATIONS, Service.SAGA, "GET", "/sagas?orderId=%00", null), 400);
		assertProblem(this.calls.as(FINANCE, Service.PAYMENT, "POST", "/accounts", "{\"customerId\":\"C-1\"}"), 400);
		assertProblem(this.calls.as(WAREHOUSE, Service.INVENTORY, "PUT", "/products/a%2Fb", "{\"stock\":1}"), 400);
		assertProblem(this.calls.as(OPERATIONS, Service.ORDER_QUERY, "GET", "/no/such/route", null), 404);
		assertProblem(this.calls.as(FINANCE, Service.ORDER_QUERY, "GET", "/reports/revenue?from=yesterday", null), 400);
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		ApiCalls.READS.forEach((service, read) -> {
			for (HttpResponse<String> response : List.of(
					this.calls.as(read.principal(), service, "GET", read.path(), null),
					this.calls.send(service, "GET", read.path(), null, null),
					// refused by Tomcat itself, before any filter
					this.calls.send(service, "GET", "/a%2Fb", null, null))) {
				assertThat(response.headers().firstValue("X-Content-Type-Options")).as("%s", response.uri())
					.hasValue("nosniff");
				assertThat(response.headers().firstValue("X-Frame-Options")).as("%s", response.uri()).hasValue("DENY");
				assertThat(response.headers().firstValue("Cache-Control")).as("%s", response.uri())
					.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
				assertThat(response.headers().firstValue("Server")).as("%s", response.uri()).isEmpty();
			}
		});
	}

	@Test
	void noOtherOriginIsGrantedAccess() {
		ApiCalls.READS.forEach((service, read) -> {
			HttpResponse<String> preflight = this.calls.send(service, "OPTIONS", read.path(), null, null, "Origin",
					"https://evil.example", "Access-Control-Request-Method", "GET");
			HttpResponse<String> simple = this.calls.as(read.principal(), service, "GET", read.path(), null, "Origin",
					"https://evil.example");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("%s", preflight.uri())
				.isEmpty();
			assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).as("%s", simple.uri()).isEmpty();
		});
	}

	@Test
	void traceIsOff() {
		ApiCalls.READS.forEach((service, read) -> {
			HttpResponse<String> trace = this.calls.as(read.principal(), service, "TRACE", read.path(), null);
			assertThat(trace.statusCode()).as("%s", trace.uri()).isIn(400, 405);
			assertThat(trace.body()).doesNotContain("Authorization").doesNotContain("Bearer");
		});
	}

	@Test
	void theActuatorIsOnlyOnTheManagementPortAndShowsOnlyHealthAndMetrics() {
		for (Service service : Service.values()) {
			for (String endpoint : List.of("/actuator", "/actuator/prometheus", "/actuator/env",
					"/actuator/heapdump")) {
				assertProblem(this.calls.as(OPERATIONS, service, "GET", endpoint, null), 404);
			}
			String management = this.system.managementUrl(service);
			assertThat(this.calls.send(management + "/actuator/health", "GET", null, null).statusCode()).isEqualTo(200);
			assertThat(this.calls.send(management + "/actuator/prometheus", "GET", null, null).statusCode())
				.isEqualTo(200);
			for (String hidden : List.of("/actuator/env", "/actuator/heapdump", "/actuator/configprops",
					"/actuator/beans", "/actuator/loggers", "/actuator/threaddump", "/actuator/shutdown")) {
				assertThat(this.calls.send(management + hidden, "GET", null, null).statusCode())
					.as("%s of %s", hidden, service)
					.isEqualTo(404);
			}
		}
	}

}
