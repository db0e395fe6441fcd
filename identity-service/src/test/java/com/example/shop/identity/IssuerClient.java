package com.example.shop.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gets tokens from the issuer over HTTP, the way real clients do: client credentials for
 * a machine, and for a person the authorization code flow with PKCE, signing in through
 * the form as a browser would and reading the code from the redirect.
 */
final class IssuerClient {

	static final String CALLBACK = "http://127.0.0.1/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String issuer;

	IssuerClient(String issuer) {
		this.issuer = issuer;
	}

	HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String basic = Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope))))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	/**
	 * Signs in as a person and returns the token response (access and ID token).
	 */
	JsonNode signIn(String username, String password) throws Exception {
		try (HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build()) {
			String verifier = randomUrlSafe();
			String challenge = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
			String state = randomUrlSafe();
			Map<String, String> authorize = new LinkedHashMap<>();
			authorize.put("response_type", "code");
			authorize.put("client_id", "shop-web");
			authorize.put("redirect_uri", CALLBACK);
			authorize.put("scope", "openid");
			authorize.put("state", state);
			authorize.put("code_challenge", challenge);
			authorize.put("code_challenge_method", "S256");

			HttpResponse<String> toLogin = get(browser, this.issuer + "/oauth2/authorize?" + form(authorize));
			assertThat(toLogin.statusCode()).as("authorize before sign-in").isEqualTo(302);
			HttpResponse<String> loginPage = get(browser, location(toLogin));
			Matcher csrf = CSRF.matcher(loginPage.body());
			assertThat(csrf.find()).as("CSRF token of the sign-in form").isTrue();

			HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(this.issuer + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signedIn.statusCode()).isEqualTo(302);
			String next = location(signedIn);
			if (next.contains("/login?error")) {
				throw new SignInRefused();
			}
			HttpResponse<String> toCallback = get(browser, next);
			assertThat(toCallback.statusCode()).isEqualTo(302);
			URI callback = URI.create(location(toCallback));
			assertThat(callback.toString()).startsWith(CALLBACK + "?");
			Map<String, String> query = parse(callback.getRawQuery());
			assertThat(query).containsEntry("state", state);

			HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("grant_type", "authorization_code", "code", query.get("code"), "redirect_uri",
							CALLBACK, "client_id", "shop-web", "code_verifier", verifier))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			return JSON.readTree(token.body());
		}
	}

	HttpResponse<String> get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(this.issuer + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	/**
	 * A browser's navigation: it accepts HTML, so the issuer sends it to the sign-in
	 * form.
	 */
	private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.startsWith("/") ? this.issuer + location : location;
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static final class SignInRefused extends RuntimeException {

		SignInRefused() {
			super("the sign-in form refused the credentials");
		}

	}

}
