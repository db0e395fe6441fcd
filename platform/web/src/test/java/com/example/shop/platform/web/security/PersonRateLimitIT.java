package com.example.shop.platform.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse limit in a real embedded Tomcat with real tokens: a person who sends more
 * than their burst is answered 429 with problem details and {@code Retry-After}, while
 * another person and a machine client go on.
 */
@RealInfrastructure
@SpringBootTest(classes = ResourceServerIT.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.audiences=shop-api",
				"shop.web.rate-limit.requests-per-second=1", "shop.web.rate-limit.burst=3" })
class PersonRateLimitIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPersonBeyondTheirBurstIsAnswered429WithRetryAfterAndOthersGoOn() throws Exception {
		List<Integer> alices = new ArrayList<>();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = get(TestPrincipal.ALICE);
			alices.add(response.statusCode());
			if (response.statusCode() == 429) {
				refused = response;
			}
		}

		assertThat(alices.subList(0, 3)).as("the burst").containsOnly(200);
		assertThat(alices).contains(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"status\":429");

		assertThat(get(TestPrincipal.BOB).statusCode()).as("another person has a bucket of their own").isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(get(TestPrincipal.SALES).statusCode()).as("a machine client is not limited here").isEqualTo(200);
		}
	}

	private HttpResponse<String> get(TestPrincipal principal) throws Exception {
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/customers/" + customer(principal)))
			.header("Authorization", principal.authorization())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String customer(TestPrincipal principal) {
		return (principal == TestPrincipal.SALES) ? "C-000009" : principal.customerId();
	}

}
