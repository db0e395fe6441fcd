package com.example.shop.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.example.shop.platform.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console started whole against the real issuer: a browser without a session is sent
 * to the issuer's authorization endpoint with a PKCE challenge; the probes, the
 * stylesheet, htmx and the metrics on the management port answer without one; nothing
 * else does. Signing in and every page are tested in a real browser against the running
 * system (system-tests, {@code OpsConsoleIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@RealInfrastructure
class SignInIT {

	@Value("${local.server.port}")
	int port;

	@Value("${local.management.port}")
	int managementPort;

	@Value("${spring.security.oauth2.client.provider.shop.issuer-uri}")
	String issuer;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aBrowserWithoutASessionIsSentToTheIssuerWithAPkceChallenge() throws Exception {
		HttpResponse<String> page = get("/sagas", null);
		assertThat(page.statusCode()).isEqualTo(302);
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		assertThat(cookie).startsWith("CONSOLE_SESSION=");

		HttpResponse<String> start = get(page.headers().firstValue("Location").orElseThrow(), cookie);

		assertThat(start.statusCode()).isEqualTo(302);
		URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.toString()).startsWith(this.issuer + "/oauth2/authorize?");
		assertThat(authorize.getQuery()).contains("response_type=code", "client_id=ops-console",
				"code_challenge_method=S256", "code_challenge=", "scope=openid profile", "state=", "nonce=");
	}

	@Test
	void aPartOfAPageThatRefreshesItselfWithoutASessionReloadsThePage() throws Exception {
		HttpResponse<String> part = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/overview/figures"))
				.header("HX-Request", "true")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(part.statusCode()).isEqualTo(401);
		assertThat(part.headers().firstValue("HX-Refresh")).hasValue("true");
	}

	@Test
	void theMetricsScraperReadsTheManagementPortWithoutASession() throws Exception {
		HttpResponse<String> metrics = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"ops-console\"");
	}

	@Test
	void onlyTheProbesAndStaticFilesAnswerWithoutASession() throws Exception {
		for (String open : List.of("/livez", "/readyz", "/console.css", "/webjars/htmx.org/dist/htmx.min.js")) {
			assertThat(get(open, null).statusCode()).as(open).isEqualTo(200);
		}
		for (String closed : List.of("/", "/orders", "/dead-letters", "/projections", "/overview/figures")) {
			assertThat(get(closed, null).statusCode()).as(closed).isEqualTo(302);
		}
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		URI uri = path.startsWith("http") ? URI.create(path) : URI.create("http://127.0.0.1:" + this.port + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
