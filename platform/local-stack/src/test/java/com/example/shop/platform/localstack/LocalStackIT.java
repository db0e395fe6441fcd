package com.example.shop.platform.localstack;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the launcher as its own process, the way {@code ./stack up} does (without
 * services), and checks that what it started is stopped: by {@code down}, and even after
 * the launcher itself was killed with {@code kill -9}.
 */
class LocalStackIT {

	@TempDir
	Path runDir;

	private final int kafkaPort = Ports.free();

	private final int controllerPort = Ports.free();

	private final int mongoPort = Ports.free();

	private final int postgresPort = Ports.free();

	private Process launcher;

	@AfterEach
	void stopLeftovers() {
		if (this.launcher != null) {
			this.launcher.descendants().forEach(ProcessHandle::destroyForcibly);
			this.launcher.destroyForcibly();
		}
	}

	@Test
	void downStopsEveryProcessAndFreesEveryPort() throws Exception {
		this.launcher = startLauncher();
		List<ProcessHandle> started = this.launcher.descendants().toList();
		assertThat(started).hasSizeGreaterThanOrEqualTo(2);
		assertThat(Ports.accepts(this.kafkaPort)).isTrue();
		assertThat(Ports.accepts(this.mongoPort)).isTrue();

		LocalStack.main(new String[] { "down", "--run-dir", this.runDir.toString() });

		assertThat(this.launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(started).noneMatch(ProcessHandle::isAlive);
		assertThat(Ports.isFree(this.kafkaPort)).isTrue();
		assertThat(Ports.isFree(this.controllerPort)).isTrue();
		assertThat(Ports.isFree(this.mongoPort)).isTrue();
		assertThat(this.runDir.resolve("pids")).isEmptyDirectory();
	}

	@Test
	void brokerAndMongoServerEndWhenTheLauncherIsKilled() throws Exception {
		this.launcher = startLauncher();
		List<ProcessHandle> children = this.launcher.children().toList();

		this.launcher.destroyForcibly();

		assertThat(this.launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
		for (ProcessHandle child : children) {
			assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).isFalse();
		}
		assertThat(Ports.awaitFree(this.kafkaPort, Duration.ofSeconds(10))).isTrue();
		assertThat(Ports.awaitFree(this.mongoPort, Duration.ofSeconds(10))).isTrue();
		// what has no watchdog of its own (an embedded PostgreSQL) is left to down, which
		// must still clean up
		LocalStack.main(new String[] { "down", "--run-dir", this.runDir.toString() });
		assertThat(this.runDir.resolve("pids")).isEmptyDirectory();
	}

	private Process startLauncher() throws Exception {
		ProcessBuilder builder = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp",
				System.getProperty("java.class.path"), LocalStack.class.getName(), "up", "--run-dir",
				this.runDir.toString())
			.redirectErrorStream(true);
		builder.environment().put("KAFKA_PORT", String.valueOf(this.kafkaPort));
		builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(this.controllerPort));
		builder.environment().put("MONGO_PORT", String.valueOf(this.mongoPort));
		builder.environment().put("POSTGRES_PORT", String.valueOf(this.postgresPort));
		Process process = builder.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
		String up = CompletableFuture
			.supplyAsync(() -> output.lines()
				.peek(System.out::println)
				.filter((line) -> line.startsWith("Local stack is up") || line.startsWith("local-stack:"))
				.findFirst()
				.orElse("launcher exited"))
			.get(120, TimeUnit.SECONDS);
		assertThat(up).startsWith("Local stack is up");
		CompletableFuture.runAsync(() -> output.lines().forEach(System.out::println));
		return process;
	}

}
