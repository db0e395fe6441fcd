package com.example.shop.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The CPU time each part of a benchmark uses from this object's creation on: on a machine
 * whose cores the service, its infrastructure and the load generator share, a throughput
 * figure means little without where the cores went.
 */
final class CpuTime {

	private final Map<String, List<ProcessHandle>> parts = new LinkedHashMap<>();

	private final Map<ProcessHandle, Long> before = new HashMap<>();

	/**
	 * Starts counting for each part's processes, and for this JVM as {@code benchmark}.
	 */
	CpuTime(Map<String, List<ProcessHandle>> parts) {
		this.parts.putAll(new TreeMap<>(parts));
		this.parts.put("benchmark", List.of(ProcessHandle.current()));
		this.parts.values()
			.stream()
			.flatMap(List::stream)
			.forEach((process) -> nanos(process).ifPresent((nanos) -> this.before.put(process, nanos)));
	}

	static List<ProcessHandle> process(long pid) {
		return List.of(ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(pid + " is not running")));
	}

	/**
	 * The processes of the local PostgreSQL server running now, its backends for a
	 * service's pooled connections among them.
	 */
	static List<ProcessHandle> postgres() {
		return ProcessHandle.allProcesses()
			.filter((
					process) -> process.info().command().filter((command) -> command.endsWith("/postgres")).isPresent())
			.toList();
	}

	/**
	 * Each part's CPU time since creation divided by {@code units}, in microseconds, e.g.
	 * {@code Kafka 15 µs, service 126 µs, benchmark 12 µs}; a process that ended in
	 * between is left out.
	 */
	String per(long units) {
		StringBuilder text = new StringBuilder();
		this.parts.forEach((name, processes) -> {
			long used = 0;
			for (ProcessHandle process : processes) {
				Long start = this.before.get(process);
				var now = nanos(process);
				if (start != null && now.isPresent()) {
					used += now.getAsLong() - start;
				}
			}
			text.append(text.isEmpty() ? "" : ", ")
				.append(String.format(Locale.ROOT, "%s %.0f µs", name, used / 1e3 / units));
		});
		return text.toString();
	}

	private static OptionalLong nanos(ProcessHandle process) {
		return process.info()
			.totalCpuDuration()
			.map((cpu) -> OptionalLong.of(cpu.toNanos()))
			.orElse(OptionalLong.empty());
	}

}
