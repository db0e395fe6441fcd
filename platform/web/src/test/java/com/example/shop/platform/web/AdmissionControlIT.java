package com.example.shop.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.example.shop.platform.testsupport.RealInfrastructure;
import com.example.shop.platform.testsupport.TestPrincipal;
import com.example.shop.platform.web.security.Allow;
import com.example.shop.platform.web.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission control in a real embedded Tomcat: two commands may run at once, a third
 * waits at most 50 ms for one of them.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.security.oauth2.resourceserver.jwt.audiences=shop-api",
				"shop.web.admission.max-concurrent-commands=2", "shop.web.admission.max-wait=50ms",
				"shop.web.admission.retry-after=2s" })
class AdmissionControlIT {

	@LocalServerPort
	int port;

	@Autowired
	SlowCommands commands;

	@Autowired
	MeterRegistry meters;

	final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void releaseCommands() {
		commands.release.countDown();
	}

	@Test
	void aCommandBeyondTheLimitIsAnswered503WithRetryAfterAtOnce() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			running.add(http.sendAsync(post("/slow"), HttpResponse.BodyHandlers.ofString()));
		}
		assertThat(commands.started.tryAcquire(2, 10, TimeUnit.SECONDS)).as("both commands running").isTrue();
		double shedBefore = meters.counter("http.server.requests.shed").count();

		long start = System.nanoTime();
		HttpResponse<String> refused = http.send(post("/slow"), HttpResponse.BodyHandlers.ofString());
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("\"status\":503")
			.contains("\"type\":\"" + AdmissionControlFilter.OVERLOADED + "\"")
			.contains("\"instance\":\"/slow\"");
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		assertThat(meters.counter("http.server.requests.shed").count()).isEqualTo(shedBefore + 1);

		assertThat(http.send(get("/fast"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("queries are not limited")
			.isEqualTo(200);

		commands.release.countDown();
		for (CompletableFuture<HttpResponse<String>> response : running) {
			assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		assertThat(http.send(post("/fast"), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("a command is admitted again once the others have ended")
			.isEqualTo(200);
	}

	private HttpRequest post(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", TestPrincipal.TRUSTED_CLIENT.authorization())
			.GET()
			.build();
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		SlowCommands slowCommands() {
			return new SlowCommands();
		}

	}

	@RestController
	static class SlowCommands {

		final Semaphore started = new Semaphore(0);

		final CountDownLatch release = new CountDownLatch(1);

		@Allow(Role.OPERATIONS)
		@PostMapping("/slow")
		String slow() throws InterruptedException {
			started.release();
			release.await(30, TimeUnit.SECONDS);
			return "done";
		}

		@Allow(Role.OPERATIONS)
		@PostMapping("/fast")
		String fastCommand() {
			return "done";
		}

		@Allow(Role.OPERATIONS)
		@GetMapping("/fast")
		String fastQuery() {
			return "done";
		}

	}

}
