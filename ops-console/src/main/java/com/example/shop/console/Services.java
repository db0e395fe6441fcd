package com.example.shop.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The services' REST APIs, the console's only source. A page calls them with the
 * signed-in operator's access token, so each service checks the operator's role itself
 * and records the operator as the principal of what a command causes; the overview's
 * sampler, which runs with nobody signed in, calls as the console's own client.
 */
class Services {

	static final String USER = "shop";

	static final String MACHINE = "shop-machine";

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final Map<String, RestClient> asOperator = new LinkedHashMap<>();

	private final Map<String, RestClient> asConsole = new LinkedHashMap<>();

	Services(ConsoleProperties properties, RestClient.Builder builder, OAuth2AuthorizedClientManager operators,
			OAuth2AuthorizedClientManager console) {
		var operatorToken = new OAuth2ClientHttpRequestInterceptor(operators);
		operatorToken.setClientRegistrationIdResolver((request) -> USER);
		var consoleToken = new OAuth2ClientHttpRequestInterceptor(console);
		consoleToken.setClientRegistrationIdResolver((request) -> MACHINE);
		consoleToken.setPrincipalResolver(
				(request) -> UsernamePasswordAuthenticationToken.unauthenticated("ops-console", null));
		properties.services().forEach((name, url) -> {
			this.asOperator.put(name, client(builder, url, operatorToken));
			this.asConsole.put(name, client(builder, url, consoleToken));
		});
	}

	private static RestClient client(RestClient.Builder builder, URI url, OAuth2ClientHttpRequestInterceptor token) {
		return builder.clone()
			.baseUrl(url)
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.requestInterceptor(token)
			.build();
	}

	/** The services, in the order they are configured. */
	Set<String> names() {
		return this.asOperator.keySet();
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

	/** As the console itself, for work no operator asked for. */
	Map<String, Object> getAsConsole(String service, String uri, Object... variables) {
		return call(service, () -> this.asConsole.get(service).get().uri(uri, variables).retrieve().body(OBJECT));
	}

	private RestClient client(String service) {
		RestClient client = this.asOperator.get(service);
		if (client == null) {
			throw new ServiceException(service, 404, "There is no such service");
		}
		return client;
	}

	private static <T> T call(String service, java.util.function.Supplier<T> call) {
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
