package com.example.shop.platform.localstack;

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
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets tokens from an OAuth2 issuer over HTTP, the way real clients do: the client
 * credentials flow for a machine, and for a person the authorization code flow with PKCE,
 * signing in through the issuer's form as a browser would and reading the code from the
 * redirect to a loopback address, which it never follows.
 */
public final class IssuerClient {

	/** The redirect of the public client {@code shop-web} for command-line clients. */
	public static final String CALLBACK = "http://127.0.0.1/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String issuer;

	/**
	 * @param issuer the issuer's address, where {@code /oauth2/token} and {@code /login}
	 * are (through docker-compose's gateway: the gateway's address)
	 */
	public IssuerClient(String issuer) {
		this.issuer = issuer;
	}

	/**
	 * A machine client's token.
	 * @throws IllegalStateException when the issuer refuses, with its answer
	 */
	public Token clientCredentials(String clientId, String secret, String scope) {
		HttpResponse<String> response = requestClientCredentials(clientId, secret, scope);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The issuer at " + this.issuer + " refused client " + clientId + " (HTTP "
					+ response.statusCode() + "): " + response.body());
		}
		return Token.parse(response.body());
	}

	/**
	 * The {@code Authorization} header of a machine client, with a token fetched when
	 * first asked for and again a minute before it expires.
	 */
	public Supplier<String> authorization(String clientId, String secret, String scope) {
		Supplier<Token> token = renewing(() -> clientCredentials(clientId, secret, scope));
		return () -> token.get().bearer();
	}

	/**
	 * A token from {@code fetch}, fetched when first asked for and again a minute before
	 * it expires.
	 */
	public static Supplier<Token> renewing(Supplier<Token> fetch) {
		return new Supplier<>() {

			private Token token;

			private Instant renewAt = Instant.MIN;

			@Override
			public synchronized Token get() {
				if (this.token == null || Instant.now().isAfter(this.renewAt)) {
					this.token = fetch.get();
					this.renewAt = Instant.now().plus(this.token.expiresIn()).minus(Duration.ofMinutes(1));
				}
				return this.token;
			}

		};
	}

	/** The issuer's answer to a client credentials request, whatever it is. */
	public HttpResponse<String> requestClientCredentials(String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
			return http.send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
				.timeout(TIMEOUT)
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("grant_type", "client_credentials", "scope", scope))))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The issuer at " + this.issuer + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking the issuer for a token", ex);
		}
	}

	/**
	 * Signs a person in with the public client {@code shop-web} and returns their tokens.
	 * @throws SignInRefusedException when the sign-in form refuses the credentials
	 */
	public Token signIn(String username, String password) {
		try (HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(TIMEOUT)
			.build()) {
			String verifier = randomUrlSafe();
			String state = randomUrlSafe();
			Map<String, String> authorize = new LinkedHashMap<>();
			authorize.put("response_type", "code");
			authorize.put("client_id", "shop-web");
			authorize.put("redirect_uri", CALLBACK);
			authorize.put("scope", "openid");
			authorize.put("state", state);
			authorize.put("code_challenge", challenge(verifier));
			authorize.put("code_challenge_method", "S256");

			HttpResponse<String> toSignIn = navigate(browser, this.issuer + "/oauth2/authorize?" + form(authorize));
			HttpResponse<String> signInForm = navigate(browser, location(toSignIn));
			Matcher csrf = CSRF.matcher(signInForm.body());
			if (!csrf.find()) {
				throw new IllegalStateException("The issuer's sign-in form has no CSRF token: " + signInForm.body());
			}
			HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(this.issuer + "/login"))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))))
				.build(), HttpResponse.BodyHandlers.ofString());
			String next = location(signedIn);
			if (next.contains("/login?error")) {
				throw new SignInRefusedException(username);
			}
			URI callback = URI.create(location(navigate(browser, next)));
			Map<String, String> answer = parse(callback.getRawQuery());
			if (!callback.toString().startsWith(CALLBACK + "?") || !state.equals(answer.get("state"))
					|| !answer.containsKey("code")) {
				throw new IllegalStateException("The issuer redirected to " + callback + " instead of " + CALLBACK
						+ " with a code and our state");
			}
			HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
				.timeout(TIMEOUT)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString(form(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
							"redirect_uri", CALLBACK, "client_id", "shop-web", "code_verifier", verifier))))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (token.statusCode() != 200) {
				throw new IllegalStateException(
						"The issuer refused the code (HTTP " + token.statusCode() + "): " + token.body());
			}
			return Token.parse(token.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The issuer at " + this.issuer + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signing in", ex);
		}
	}

	/**
	 * A browser's navigation: it accepts HTML, so the issuer sends it to the sign-in
	 * form.
	 */
	private static HttpResponse<String> navigate(HttpClient browser, String url)
			throws IOException, InterruptedException {
		HttpResponse<String> response = browser.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200 && response.statusCode() != 302) {
			throw new IllegalStateException(
					"GET " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private String location(HttpResponse<?> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException(
					response.request().uri() + " answered " + response.statusCode() + " without a redirect"));
		return location.startsWith("/") ? this.issuer + location : location;
	}

	private static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	private static String randomUrlSafe() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * An issuer's token response: the access token, how long it lives, and, after a
	 * sign-in, the ID token.
	 */
	public record Token(String accessToken, Duration expiresIn, Optional<String> idToken) {

		private static final Pattern STRING_FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([^\"]*)\"");

		private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

		static Token parse(String json) {
			Map<String, String> fields = new LinkedHashMap<>();
			Matcher matcher = STRING_FIELD.matcher(json);
			while (matcher.find()) {
				fields.put(matcher.group(1), matcher.group(2));
			}
			Matcher expires = EXPIRES_IN.matcher(json);
			if (!fields.containsKey("access_token") || !expires.find()) {
				throw new IllegalStateException("Not a token response: " + json);
			}
			return new Token(fields.get("access_token"), Duration.ofSeconds(Long.parseLong(expires.group(1))),
					Optional.ofNullable(fields.get("id_token")));
		}

		/** The value of an {@code Authorization} header that carries this token. */
		public String bearer() {
			return "Bearer " + this.accessToken;
		}

	}

	/** The issuer's sign-in form refused a person's credentials. */
	public static final class SignInRefusedException extends RuntimeException {

		SignInRefusedException(String username) {
			super("The issuer's sign-in form refused the credentials of " + username);
		}

	}

}
