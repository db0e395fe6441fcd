package com.example.shop.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static com.example.shop.platform.testsupport.TestPrincipal.ALICE;
import static com.example.shop.platform.testsupport.TestPrincipal.OPERATIONS;
import static com.example.shop.systemtests.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API Security Top 10 (2023), API2: broken authentication, against every service as
 * deployed: no token, a token that is no JWT, one whose algorithm is {@code none}, one
 * whose payload was changed after signing, and a real token sent in the query string or
 * as another scheme are each 401, with a bare {@code Bearer} challenge and problem
 * details. The cryptographic cases (HS256 keyed with the public key, a stranger's key, an
 * unknown {@code kid}, expired, not yet valid, wrong issuer or audience) are tested
 * against the resource server itself in {@code ResourceServerIT} of {@code platform/web}.
 */
class Api2BrokenAuthenticationIT extends ApiSecurityTest {

	@Test
	void everyServiceRefusesEveryBrokenCredentialWith401() {
		String real = OPERATIONS.accessToken();
		List<String> broken = List.of("", "Bearer", "Bearer not-a-jwt", "Bearer " + algorithmNone(real),
				"Bearer " + tampered(real), "Basic " + base64("olivia:password"), real);
		ApiCalls.READS.forEach((service, read) -> {
			String path = read.path();
			assertThat(this.calls.as(read.principal(), service, "GET", path, null).statusCode())
				.as("%s %s with a real token", service, path)
				.isNotIn(401, 403);
			assertUnauthorized(this.calls.send(service, "GET", path, null, null));
			for (String authorization : broken) {
				assertUnauthorized(this.calls.send(service, "GET", path, authorization, null));
			}
			assertUnauthorized(this.calls.send(service, "GET",
					path + (path.contains("?") ? "&" : "?") + "access_token=" + real, null, null));
		});
	}

	@Test
	void aCustomersTokenWithAnotherCustomerWrittenIntoItIsRefused() {
		String real = ALICE.accessToken();
		String payload = decode(real.split("\\.")[1]);
		assertThat(payload).contains(ALICE.customerId());
		String forged = tampered(real, ALICE.customerId(), "C-000002");

		assertUnauthorized(this.calls.send(Service.PAYMENT, "GET", "/accounts/C-000002", "Bearer " + forged, null));
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertProblem(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge of %s", response.uri())
			.hasValueSatisfying(
					(challenge) -> assertThat(challenge).startsWith("Bearer").doesNotContain("error_description"));
	}

	/** The token's claims under {@code "alg":"none"}, without a signature. */
	private static String algorithmNone(String token) {
		return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + token.split("\\.")[1] + ".";
	}

	/** The token with a role it does not have, its signature kept. */
	private static String tampered(String token) {
		return tampered(token, "\"operations\"", "\"finance\"");
	}

	private static String tampered(String token, String from, String to) {
		String[] parts = token.split("\\.");
		String payload = decode(parts[1]);
		assertThat(payload).contains(from);
		return parts[0] + "." + base64(payload.replace(from, to)) + "." + parts[2];
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static String base64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
