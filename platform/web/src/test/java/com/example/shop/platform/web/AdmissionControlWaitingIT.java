package com.example.shop.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting is bounded too: one command may run and one may wait (for up to 10 s); a third
 * is answered 503 at once instead of holding a web server thread while it waits.
 */
@RealInfrastructure
@SpringBootTest(classes = AdmissionControlIT.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.audiences=shop-api",
				"shop.web.admission.max-concurrent-commands=1", "shop.web.admission.max-waiting-commands=1",
				"shop.web.admission.max-wait=10s" })
class AdmissionControlWaitingIT {

	@LocalServerPort
	int port;

	@Autowired
	AdmissionControlIT.SlowCommands commands;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void releaseCommands() {
		commands.release.countDown();
	}

	@Test
	void aCommandBeyondTheWaitingLimitIsAnswered503AtOnceAndTheWaitingOneRunsLater() throws Exception {
		CompletableFuture<HttpResponse<String>> running = http.sendAsync(post("/slow"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(commands.started.tryAcquire(1, 10, TimeUnit.SECONDS)).as("the first command running").isTrue();
		CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(post("/fast"),
				HttpResponse.BodyHandlers.ofString());
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (meters.get("http.server.requests.waiting").gauge().value() < 1) {
			assertThat(System.nanoTime()).as("the second command waiting within 10 s").isLessThan(deadline);
			Thread.onSpinWait();
		}

		long start = System.nanoTime();
		HttpResponse<String> refused = http.send(post("/fast"), HttpResponse.BodyHandlers.ofString());

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(waiting).as("the waiting command still waits").isNotDone();

		commands.release.countDown();
		assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).as("the waiting command ran").isEqualTo(200);
	}

	private HttpRequest post(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

}
