package com.example.shop.platform.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OS process started by the stack. Its standard output and error go to
 * {@code logs/<name>.log} and its id to {@code pids/<name>.pid}; stopping it asks
 * politely first and stops its descendants too.
 */
public final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private final Path pidFile;

	private ChildProcess(String name, Process process, Path log, Path pidFile) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.pidFile = pidFile;
	}

	/**
	 * Starts {@code mainClass} in a new JVM on this JVM's class path. The child exits by
	 * itself when this JVM is gone, even after a {@code kill -9}, so that no broker
	 * outlives the test run that started it.
	 */
	static ChildProcess startJava(RunDirectory run, String name, List<String> jvmOptions, Class<?> mainClass,
			List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions);
		command.add("-Dlogback.configurationFile=local-stack-logback.xml");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ParentWatchdog.class.getName());
		command.add(String.valueOf(ProcessHandle.current().pid()));
		command.add(mainClass.getName());
		command.addAll(arguments);
		return start(run, name, command, Map.of());
	}

	static ChildProcess start(RunDirectory run, String name, List<String> command, Map<String, String> environment) {
		Path log = run.log(name);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			Path pidFile = run.pidFile(name);
			PidFile.write(pidFile, process.toHandle());
			return new ChildProcess(name, process, log, pidFile);
		}
		catch (IOException ex) {
			throw new LocalStackException("Cannot start " + name + ": " + ex.getMessage(), ex);
		}
	}

	static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public Path log() {
		return this.log;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	Process process() {
		return this.process;
	}

	/**
	 * Waits for the process to end by itself.
	 * @return its exit code
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				stop(Duration.ZERO);
				throw new LocalStackException(
						this.name + " did not finish within " + timeout.toSeconds() + " s; see " + this.log);
			}
			Files.deleteIfExists(this.pidFile);
			return this.process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/**
	 * Sends SIGTERM, waits up to {@code grace}, then kills what is left, descendants
	 * included.
	 */
	public void stop(Duration grace) {
		stop(this.process.toHandle(), grace);
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void stop(ProcessHandle process, Duration grace) {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		try {
			process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
		}
		descendants.forEach(ProcessHandle::destroyForcibly);
	}

	/**
	 * The last lines of the log, to say why a process failed.
	 */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log);
			return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
