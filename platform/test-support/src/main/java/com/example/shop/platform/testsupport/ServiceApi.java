package com.example.shop.platform.testsupport;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP calls to the service under test on its random port, as the trusted client of the
 * test issuer unless {@link #as} names another principal. Redirects are followed. Every
 * {@link ServiceIntegrationTest} has one to autowire.
 */
public final class ServiceApi implements AutoCloseable {

	private final HttpClient http;

	private final Environment environment;

	private final TestPrincipal principal;

	/** Whether this one made the client, rather than sharing another's. */
	private final boolean ownsClient;

	@Autowired
	public ServiceApi(Environment environment) {
		this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), environment,
				TestPrincipal.TRUSTED_CLIENT, true);
	}

	private ServiceApi(HttpClient http, Environment environment, TestPrincipal principal, boolean ownsClient) {
		this.http = http;
		this.environment = environment;
		this.principal = principal;
		this.ownsClient = ownsClient;
	}

	/** The same service, called as {@code principal}, over the same client. */
	public ServiceApi as(TestPrincipal principal) {
		return new ServiceApi(this.http, this.environment, principal, false);
	}

	/** A request to {@code path} with this principal's {@code Authorization}. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest
			.newBuilder(
					URI.create("http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port") + path))
			.header("Authorization", this.principal.authorization());
	}

	public HttpResponse<String> get(String path) {
		return send(request(path));
	}

	/** Posts no body, as to ask for an action ({@code /retry}, {@code /rebuild}). */
	public HttpResponse<String> post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * @param headers names and values, alternating
	 */
	public HttpResponse<String> post(String path, String json, String... headers) {
		return send(withHeaders(request(path).header("Content-Type", "application/json"), headers)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * @param headers names and values, alternating
	 */
	public HttpResponse<String> put(String path, String json, String... headers) {
		return send(withHeaders(request(path).header("Content-Type", "application/json"), headers)
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Posts the body chunked, with no {@code Content-Length}, so that the service learns
	 * its size only by reading it.
	 */
	public HttpResponse<String> postChunked(String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		return Http.send(this.http, request.build());
	}

	/**
	 * Asserts that the answer is RFC 9457 problem details with this status.
	 */
	public static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JsonMapper.shared().readTree(response.body()).get("status").asInt()).isEqualTo(status);
	}

	private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	@Override
	public void close() {
		if (this.ownsClient) {
			this.http.close();
		}
	}

}
