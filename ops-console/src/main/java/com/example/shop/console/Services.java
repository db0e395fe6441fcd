package com.example.shop.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The services' REST APIs, the console's only source, called with the signed-in
 * operator's access token: each service checks the operator's role itself and records the
 * operator as the principal of what a command causes. The console has no token of its
 * own. A service that does not connect within 2 s or answer within 15 s is reported as
 * not answering, so a page never hangs on one.
 */
class Services {

	/** The client registration operators sign in with. */
	static final String REGISTRATION = "shop";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final Map<String, RestClient> clients = new LinkedHashMap<>();

	Services(ConsoleProperties properties, RestClient.Builder builder, OAuth2AuthorizedClientManager operators) {
		var operatorToken = new OAuth2ClientHttpRequestInterceptor(operators);
		operatorToken.setClientRegistrationIdResolver((request) -> REGISTRATION);
		var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
		requests.setReadTimeout(READ_TIMEOUT);
		properties.services()
			.forEach((name, url) -> this.clients.put(name, client(builder, url, requests, operatorToken)));
	}

	private static RestClient client(RestClient.Builder builder, URI url, JdkClientHttpRequestFactory requests,
			OAuth2ClientHttpRequestInterceptor token) {
		return builder.clone()
			.baseUrl(url)
			.requestFactory(requests)
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.requestInterceptor(token)
			.build();
	}

	/** The services, in the order they are configured. */
	Set<String> names() {
		return this.clients.keySet();
	}

	Map<String, Object> get(String service, String uri, Object... variables) {
		return call(service, () -> client(service).get().uri(uri, variables).retrieve().body(OBJECT));
	}

	List<Map<String, Object>> getList(String service, String uri, Object... variables) {
		return call(service, () -> client(service).get().uri(uri, variables).retrieve().body(LIST));
	}

	Map<String, Object> post(String service, Object body, String uri, Object... variables) {
		return call(service,
				() -> client(service).post()
					.uri(uri, variables)
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(OBJECT));
	}

	private RestClient client(String service) {
		RestClient client = this.clients.get(service);
		if (client == null) {
			throw new ServiceException(service, 404, "There is no such service");
		}
		return client;
	}

	private static <T> T call(String service, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientResponseException ex) {
			Map<String, Object> problem = problem(ex);
			Object detail = (problem != null) ? problem.get("detail") : null;
			throw new ServiceException(service, ex.getStatusCode().value(),
					(detail != null) ? detail.toString() : ex.getStatusText());
		}
		catch (RestClientException ex) {
			throw new ServiceException(service, 503, "It did not answer");
		}
	}

	private static Map<String, Object> problem(RestClientResponseException ex) {
		try {
			return ex.getResponseBodyAs(OBJECT);
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

}
