package com.example.shop.benchmarks.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a result depends on besides the code's own speed, as each report states it.
 *
 * @param commit the checked-out commit, with {@code +uncommitted} when the work tree had
 * changes
 * @param jdk the JDK running the load generator
 * @param serviceJava the {@code java} executable running the services
 * @param cpus the processors the OS offers
 * @param cpuModel the processor
 * @param memoryGigabytes the machine's memory
 * @param command the exact command that produced the report
 */
record Environment(String commit, String jdk, String serviceJava, int cpus, String cpuModel, long memoryGigabytes,
		String command) {

	static Environment detect(Map<String, List<Long>> processes, String[] args) {
		String commit = run("git", "rev-parse", "--short", "HEAD");
		if (!run("git", "status", "--porcelain", "--untracked-files=no").isEmpty()) {
			commit += " +uncommitted";
		}
		String serviceJava = processes.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("-service") || entry.getKey().equals("saga-orchestrator"))
			.findFirst()
			.map((entry) -> ProcessHandle.of(entry.getValue().get(0))
				.flatMap((process) -> process.info().command())
				.orElse("unknown"))
			.orElse("unknown");
		String command = ProcessHandle.current()
			.info()
			.commandLine()
			.orElse("EndToEndBenchmark " + String.join(" ", args));
		return new Environment(commit,
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), serviceJava,
				Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryGigabytes(), command);
	}

	String describe() {
		return String.format(Locale.ROOT, "commit `%s`; JDK %s (services: `%s`); %d CPUs (%s), %d GB memory",
				this.commit, this.jdk, this.serviceJava, this.cpus, this.cpuModel, this.memoryGigabytes);
	}

	private static String readCpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long readMemoryGigabytes() {
		try {
			String meminfo = Files.readString(Path.of("/proc/meminfo"));
			return Math.round(ProcessStats.statusKilobytes(meminfo, "MemTotal") / 1024.0 / 1024.0);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) ? output : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
