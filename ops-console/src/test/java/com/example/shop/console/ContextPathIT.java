package com.example.shop.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.shop.platform.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Served under {@code /console} behind a gateway, as docker-compose and Kubernetes run
 * it: the probes are under the prefix, and the sign-in goes back to the address the
 * browser used, as the gateway forwards it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.servlet.context-path=/console", "management.server.port=0" })
@RealInfrastructure
class ContextPathIT {

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void probesAndSignInLiveUnderThePrefixAndTheGatewaysAddress() throws Exception {
		assertThat(get("/console/livez").statusCode()).isEqualTo(200);
		assertThat(get("/console/readyz").statusCode()).isEqualTo(200);

		HttpResponse<String> page = get("/console/sagas");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow())
			.isEqualTo("https://shop.example.com/console/oauth2/authorization/shop");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<String> start = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/console/oauth2/authorization/shop"))
			.header("Cookie", cookie)
			.header("X-Forwarded-Host", "shop.example.com")
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(start.headers().firstValue("Location").orElseThrow())
			.contains("redirect_uri=https://shop.example.com/console/login/oauth2/code/shop");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-Host", "shop.example.com")
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
