package com.example.shop.platform.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

	/**
	 * Starts a Spring Boot executable jar in a new JVM that, like {@link #startJava},
	 * ends by itself when this JVM is gone. Only the jar and the watchdog's own class are
	 * on its class path, so nothing of this JVM leaks into the service.
	 * @param environment its environment on top of this JVM's
	 */
	public static ChildProcess startBootJar(RunDirectory run, String name, Path jar, List<String> jvmOptions,
			Map<String, String> environment) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(jar + File.pathSeparator + watchdogClassPath(run));
		command.add(ParentWatchdog.class.getName());
		command.add(String.valueOf(ProcessHandle.current().pid()));
		command.add("org.springframework.boot.loader.launch.JarLauncher");
		return start(run, name, command, environment);
	}

	/**
	 * A directory holding only {@link ParentWatchdog}'s class file, which needs nothing
	 * but the JDK.
	 */
	private static Path watchdogClassPath(RunDirectory run) {
		String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
		Path root = run.data("watchdog");
		Path target = root.resolve(resource);
		try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
			Files.createDirectories(target.getParent());
			Files.copy(Objects.requireNonNull(in, resource), target, StandardCopyOption.REPLACE_EXISTING);
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	/**
	 * Kills the process at once ({@code SIGKILL}), as a crash would, and waits until it
	 * is gone.
	 */
	public void kill() {
		this.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		this.process.onExit().join();
		try {
			Files.deleteIfExists(this.pidFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Freezes the process ({@code SIGSTOP}): it keeps its sockets but does nothing, as a
	 * long garbage collection or a stalled VM would. POSIX only.
	 */
	public void pause() {
		signal("STOP");
	}

	/**
	 * Lets a paused process go on ({@code SIGCONT}).
	 */
	public void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(this.process.pid())).start();
			if (kill.waitFor() != 0) {
				throw new LocalStackException("kill -" + signal + " " + this.process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalStackException("Interrupted while signalling " + this.name, ex);
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
