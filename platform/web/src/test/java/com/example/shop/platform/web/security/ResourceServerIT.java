package com.example.shop.platform.web.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The resource server every service is, in a real embedded Tomcat, trusting the real
 * issuer of the test infrastructure. Broken authentication is answered 401 with problem
 * details every time; the roles of {@link Allow} decide the rest; a customer is
 * restricted to their own data.
 */
@RealInfrastructure
@SpringBootTest(classes = ResourceServerIT.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.security.oauth2.resourceserver.jwt.audiences=shop-api")
class ResourceServerIT {

	/**
	 * DEV ONLY: the key the issuer of the tests signs with, to forge what it never would.
	 */
	private static final Path DEV_KEY = Path.of("../../compose/identity/dev-only-signing-key.pem");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JwtDecoder decoder;

	@Test
	void theDecoderThatSpringBootBuiltRemembersWhatItVerified() {
		assertThat(this.decoder).isInstanceOf(VerifiedTokens.class);
	}

	@Test
	void aTokenWithoutASubjectIs401() throws Exception {
		assertUnauthorized(get("/finance", "Bearer " + signed(claims((c) -> c.subject(null)))));
	}

	@Test
	void aTokenFromTheIssuerIsAccepted() throws Exception {
		HttpResponse<String> response = get("/finance", TestPrincipal.FINANCE.authorization());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("frank");
	}

	static List<String> brokenTokens() {
		return List.of("none", "alg-none", "hs256-with-the-public-key", "expired", "not-yet-valid", "wrong-issuer",
				"wrong-audience", "unknown-key", "tampered-payload", "not-a-jwt");
	}

	@ParameterizedTest
	@MethodSource("brokenTokens")
	void brokenAuthenticationIs401WithProblemDetails(String broken) throws Exception {
		HttpResponse<String> response = get("/finance", switch (broken) {
			case "none" -> null;
			case "alg-none" -> "Bearer " + unsigned(claims((c) -> {
			}));
			case "hs256-with-the-public-key" -> "Bearer " + hmacWithThePublicKey(claims((c) -> {
			}));
			case "expired" -> "Bearer " + signed(claims((c) -> c.issueTime(ago(3600)).expirationTime(ago(600))));
			case "not-yet-valid" -> "Bearer " + signed(claims((c) -> c.notBeforeTime(from(600))));
			case "wrong-issuer" -> "Bearer " + signed(claims((c) -> c.issuer("http://127.0.0.1:1")));
			case "wrong-audience" -> "Bearer " + signed(claims((c) -> c.audience("another-api")));
			case "unknown-key" -> "Bearer " + signedByAStranger(claims((c) -> {
			}));
			case "tampered-payload" -> "Bearer " + tampered(TestPrincipal.OPERATIONS.accessToken());
			case "not-a-jwt" -> "Bearer not-a-jwt";
			default -> throw new IllegalArgumentException(broken);
		});

		assertUnauthorized(response);
	}

	@Test
	void aTokenInTheQueryStringIsNotRead() throws Exception {
		HttpResponse<String> response = get("/finance?access_token="
				+ URLEncoder.encode(TestPrincipal.FINANCE.accessToken(), StandardCharsets.UTF_8), null);

		assertUnauthorized(response);
	}

	@Test
	void theSameClaimsSignedByTheIssuersKeyAreAccepted() throws Exception {
		// the forged tokens above differ from this one in one thing each
		assertThat(get("/finance", "Bearer " + signed(claims((c) -> {
		}))).statusCode()).isEqualTo(200);
	}

	@Test
	void everyAnswerCarriesTheSecurityHeadersAndNoOtherOriginIsGrantedAccess() throws Exception {
		for (HttpResponse<String> response : List.of(get("/finance", TestPrincipal.FINANCE.authorization()),
				get("/finance", null))) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
		}

		HttpResponse<String> preflight = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/finance"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://elsewhere.example")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as("CORS is closed").isEmpty();
		HttpResponse<String> fromElsewhere = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/finance"))
				.header("Origin", "https://elsewhere.example")
				.header("Authorization", TestPrincipal.FINANCE.authorization())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void aCallerWithoutOneOfTheRolesIs403WithProblemDetails() throws Exception {
		HttpResponse<String> response = get("/finance", TestPrincipal.WAREHOUSE.authorization());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":403").doesNotContain("Exception");
	}

	@Test
	void aPersonsRolesAreTheirRolesClaimNotAScopeTheirClientWasGranted() throws Exception {
		String token = signed(claims((c) -> c.claim("roles", List.of("warehouse")).claim("scope", "finance")));

		assertThat(get("/finance", "Bearer " + token).statusCode()).isEqualTo(403);
	}

	@Test
	void aMachineClientsScopeIsItsRole() throws Exception {
		assertThat(get("/finance", TestPrincipal.TRUSTED_CLIENT.authorization()).statusCode()).isEqualTo(200);
		assertThat(get("/finance", TestPrincipal.SALES.authorization()).statusCode()).isEqualTo(403);
	}

	@Test
	void aCustomerActsOnlyForThemselvesAndASalesChannelForAnyone() throws Exception {
		assertThat(get("/customers/C-000001", TestPrincipal.ALICE.authorization()).body())
			.isEqualTo("alice may act for C-000001: true");
		assertThat(get("/customers/C-000002", TestPrincipal.ALICE.authorization()).body())
			.isEqualTo("alice may act for C-000002: false");
		assertThat(get("/customers/C-000002", TestPrincipal.SALES.authorization()).body())
			.isEqualTo("shop-demo may act for C-000002: true");
	}

	@Test
	void aServiceWithoutAnAudienceToCheckDoesNotStart() {
		SpringApplication application = new SpringApplication(TestApplication.class);
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--server.port=0",
					"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestInfrastructure.get().issuerUri()))
			.withMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
	}

	@Test
	void aServiceWithAnOperationWithoutARuleDoesNotStart() {
		SpringApplication application = new SpringApplication(UnruledApplication.class);
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--server.port=0",
					"--spring.security.oauth2.resourceserver.jwt.audiences=shop-api",
					"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestInfrastructure.get().issuerUri()))
			.withMessageContaining("Every operation needs an @Allow")
			.withMessageContaining("/unruled");
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer").doesNotContain("error_description"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":401")
			.contains("\"instance\":\"/finance\"")
			.doesNotContain("Exception")
			.doesNotContain("nimbus");
	}

	/**
	 * Claims such as the issuer mints for frank of finance, changed by {@code change}.
	 */
	private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestInfrastructure.get().issuerUri())
			.subject("frank")
			.audience("shop-api")
			.issueTime(ago(10))
			.notBeforeTime(ago(10))
			.expirationTime(from(300))
			.jwtID(UUID.randomUUID().toString())
			.claim("roles", List.of("finance"));
		change.accept(claims);
		return claims.build();
	}

	private static String signed(JWTClaimsSet claims) throws Exception {
		RSAKey key = devKey();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static String signedByAStranger(JWTClaimsSet claims) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		RSAKey stranger = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
			.keyID("stranger")
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(), claims);
		jwt.sign(new RSASSASigner(stranger));
		return jwt.serialize();
	}

	/**
	 * The classic confusion: HMAC keyed with the issuer's public key, which anyone has.
	 */
	private static String hmacWithThePublicKey(JWTClaimsSet claims) throws Exception {
		RSAKey key = devKey();
		byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	private static String unsigned(JWTClaimsSet claims) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
	}

	/** A real token whose payload says finance instead of operations, signature kept. */
	private static String tampered(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"operations\"");
		String forged = payload.replace("\"operations\"", "\"finance\"");
		return parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
	}

	private static RSAKey devKey() throws Exception {
		String pem = Files.readString(DEV_KEY);
		String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
				pem.indexOf("-----END PRIVATE KEY-----"));
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
		RSAPublicKey publicKey = (RSAPublicKey) rsa
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
	}

	private static Date ago(long seconds) {
		return Date.from(Instant.now().minusSeconds(seconds));
	}

	private static Date from(long seconds) {
		return Date.from(Instant.now().plusSeconds(seconds));
	}

	@SpringBootApplication
	@Import(Operations.class)
	static class TestApplication {

	}

	@RestController
	static class Operations {

		@Allow(Role.FINANCE)
		@GetMapping("/finance")
		String finance(Caller caller) {
			return caller.name();
		}

		@Allow({ Role.CUSTOMER, Role.SALES })
		@GetMapping("/customers/{customerId}")
		String customer(@PathVariable String customerId, Caller caller) {
			return caller.name() + " may act for " + customerId + ": " + caller.mayActFor(customerId);
		}

	}

	@SpringBootApplication
	@Import(Unruled.class)
	static class UnruledApplication {

	}

	@RestController
	static class Unruled {

		@GetMapping("/unruled")
		String unruled() {
			return "nobody said who may call this";
		}

	}

}
