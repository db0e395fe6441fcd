package com.example.shop.platform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The system's own issuer of tokens ({@code identity-service}) as an OS process, started
 * from the jar the build made, signing with the dev-only key of {@code compose/identity}.
 * The local stack, the integration tests and the system tests all get their tokens from
 * it, so that every service checks real signatures.
 */
public final class Issuer implements AutoCloseable {

	/** DEV ONLY: the key pair that docker-compose's issuer signs with too. */
	static final Path DEV_SIGNING_KEY = Path.of("compose", "identity", "dev-only-signing-key.pem");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

	private final ChildProcess process;

	private final String uri;

	private Issuer(ChildProcess process, String uri) {
		this.process = process;
		this.uri = uri;
	}

	/**
	 * Starts the issuer at {@code http://127.0.0.1:<port>} and waits until it is ready.
	 * @param root the repository's root, where {@code identity-service/target} and
	 * {@code compose/identity} are
	 */
	public static Issuer start(RunDirectory run, Path root, int port, int managementPort) {
		Path jar = root.resolve("identity-service").resolve("target").resolve("identity-service.jar");
		if (!Files.isRegularFile(jar)) {
			throw new LocalStackException(jar + " is missing: build the issuer first (./mvnw -pl identity-service"
					+ " -DskipTests package; a build of the whole project does that before the services' tests)");
		}
		String uri = "http://127.0.0.1:" + port;
		ChildProcess process = ChildProcess.startBootJar(run, "identity-service", jar,
				List.of("-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1"),
				environment(uri, port, managementPort, root));
		Issuer issuer = new Issuer(process, uri);
		try {
			issuer.awaitReady();
		}
		catch (RuntimeException ex) {
			process.stop(Duration.ofSeconds(5));
			throw ex;
		}
		return issuer;
	}

	/**
	 * What the issuer needs to run at {@code uri}: its port, its management port, its
	 * address (the {@code iss} of its tokens) and the dev-only signing key.
	 */
	static Map<String, String> environment(String uri, int port, int managementPort, Path root) {
		Path key = root.resolve(DEV_SIGNING_KEY).toAbsolutePath();
		if (!Files.isRegularFile(key)) {
			throw new LocalStackException(key + " is missing: the issuer's dev-only key comes with the repository");
		}
		return Map.of("SERVER_PORT", String.valueOf(port), "MANAGEMENT_SERVER_PORT", String.valueOf(managementPort),
				"SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", uri, "SHOP_IDENTITY_SIGNING_KEY",
				key.toUri().toString());
	}

	/** The issuer's address: the {@code iss} of its tokens. */
	public String uri() {
		return this.uri;
	}

	public ChildProcess process() {
		return this.process;
	}

	@Override
	public void close() {
		this.process.stop(Duration.ofSeconds(10));
	}

	private void awaitReady() {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
			while (true) {
				if (!this.process.isAlive()) {
					throw new LocalStackException("The issuer exited while starting; see " + this.process.log() + ":"
							+ System.lineSeparator() + this.process.logTail(20));
				}
				try {
					HttpRequest ready = HttpRequest.newBuilder(URI.create(this.uri + "/readyz"))
						.timeout(Duration.ofSeconds(2))
						.build();
					if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new LocalStackException("Interrupted while waiting for the issuer", ex);
				}
				if (Instant.now().isAfter(deadline)) {
					throw new LocalStackException("The issuer was not ready within " + STARTUP_TIMEOUT.toSeconds()
							+ " s; see " + this.process.log());
				}
				Sleep.briefly();
			}
		}
	}

}
