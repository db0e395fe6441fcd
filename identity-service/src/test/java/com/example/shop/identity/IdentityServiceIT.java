package com.example.shop.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import com.example.shop.platform.localstack.IssuerClient;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The issuer started whole on a port of its own, with the dev-only key that ./stack and
 * docker-compose give it, and used as clients use it: over HTTP, with tokens checked the
 * way the services check them (issuer discovery, JWK set, issuer and audience).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityServiceIT {

	private static final int PORT = freePort();

	private static final int MANAGEMENT_PORT = freePort();

	private static final String ISSUER = "http://127.0.0.1:" + PORT;

	private static final String DEV_KEY = "../compose/identity/dev-only-signing-key.pem";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final IssuerClient issuer = new IssuerClient(ISSUER);

	private final Http http = new Http(ISSUER);

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("management.server.port", () -> MANAGEMENT_PORT);
		registry.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
		registry.add("shop.identity.signing-key", () -> "file:" + DEV_KEY);
	}

	@Test
	void discoveryNamesTheIssuerAndPublishesTheKeyItSignsWith() throws Exception {
		JsonNode discovery = JSON.readTree(this.http.get("/.well-known/openid-configuration").body());
		assertThat(discovery.path("issuer").asText()).isEqualTo(ISSUER);
		assertThat(discovery.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oauth2/token");
		assertThat(discovery.path("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");

		JsonNode keys = JSON.readTree(this.http.get("/oauth2/jwks").body()).path("keys");
		assertThat(keys).hasSize(1);
		JWK published = JWK.parse(keys.get(0).toString());
		assertThat(published.isPrivate()).as("only the public half is published").isFalse();
		assertThat(published.getKeyID())
			.isEqualTo(SigningKey.read(new FileSystemResource(DEV_KEY)).computeThumbprint().toString());
	}

	@Test
	void machineClientGetsATokenForTheApiWithTheScopesItAskedFor() throws Exception {
		HttpResponse<String> response = this.issuer.requestClientCredentials("shop-demo", "demo-secret",
				"sales warehouse");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

		Jwt token = decoder().decode(JSON.readTree(response.body()).path("access_token").asText());
		assertThat(token.getAudience()).containsExactly("shop-api");
		assertThat(token.getSubject()).isEqualTo("shop-demo");
		assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("sales", "warehouse");
		assertThat(token.getClaimAsString("client_id")).isEqualTo("shop-demo");
		assertThat(token.hasClaim("roles")).as("a machine has scopes, not roles").isFalse();
		assertThat(token.hasClaim("customer_id")).isFalse();
		assertThat(token.getHeaders()).containsEntry("alg", "RS256");
	}

	@Test
	void machineClientGetsNoScopeItWasNotGranted() throws Exception {
		HttpResponse<String> response = this.issuer.requestClientCredentials("shop-load-generator", "load-secret",
				"sales admin");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_scope");
	}

	@Test
	void machineClientWithAWrongSecretGetsNoToken() throws Exception {
		HttpResponse<String> response = this.issuer.requestClientCredentials("shop-demo", "not-the-secret", "sales");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void customerSignsInAndTheirTokenNamesThemAndTheirCustomerId() throws Exception {
		IssuerClient.Token tokens = this.issuer.signIn("alice", "password");

		Jwt access = decoder().decode(tokens.accessToken());
		assertThat(access.getSubject()).isEqualTo("alice");
		assertThat(access.getAudience()).containsExactly("shop-api");
		assertThat(access.getClaimAsStringList("roles")).containsExactly("customer");
		assertThat(access.getClaimAsString("customer_id")).isEqualTo("C-000001");
		assertThat(access.getClaimAsString("client_id")).isEqualTo("shop-web");

		Jwt id = NimbusJwtDecoder.withIssuerLocation(ISSUER).build().decode(tokens.idToken().orElseThrow());
		assertThat(id.getAudience()).as("an ID token is for the client that signed in").containsExactly("shop-web");
		assertThat(id.getClaimAsString("customer_id")).isEqualTo("C-000001");
	}

	@Test
	void staffMemberSignsInWithTheirRoleAndNoCustomerId() throws Exception {
		Jwt access = decoder().decode(this.issuer.signIn("frank", "password").accessToken());
		assertThat(access.getClaimAsStringList("roles")).containsExactly("finance");
		assertThat(access.hasClaim("customer_id")).isFalse();
	}

	@Test
	void wrongPasswordDoesNotSignIn() {
		assertThatExceptionOfType(IssuerClient.SignInRefusedException.class)
			.isThrownBy(() -> this.issuer.signIn("alice", "not-her-password"));
	}

	@Test
	void servesOnlyTheProbesOnItsPortAndTheMetricsOnTheManagementPort() throws Exception {
		assertThat(this.http.get("/livez").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/readyz").statusCode()).isEqualTo(200);
		for (String actuator : List.of("/actuator/health", "/actuator/prometheus", "/actuator/env")) {
			assertThat(this.http.get(actuator).statusCode()).as(actuator).isNotEqualTo(200);
		}

		HttpResponse<String> metrics = new Http("http://127.0.0.1:" + MANAGEMENT_PORT).get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"identity-service\"");
		assertThat(new Http("http://127.0.0.1:" + MANAGEMENT_PORT).get("/actuator/env").statusCode())
			.as("only health and metrics are exposed")
			.isEqualTo(404);
	}

	/** A decoder as a resource server builds it: issuer discovery, JWK set, audience. */
	private static JwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(ISSUER).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
				new JwtClaimValidator<List<String>>("aud", (aud) -> aud != null && aud.contains("shop-api"))));
		return decoder;
	}

	/** Plain GETs, as a monitoring system or a resource server sends them. */
	private record Http(String base) {

		HttpResponse<String> get(String path) throws Exception {
			try (HttpClient http = HttpClient.newHttpClient()) {
				return http.send(HttpRequest.newBuilder(URI.create(this.base + path)).build(),
						HttpResponse.BodyHandlers.ofString());
			}
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
