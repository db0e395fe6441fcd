package com.example.shop.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

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
	 * The processes of the PostgreSQL server behind this JDBC URL, when it runs on this
	 * machine: its main process and the children it has now, among them the backends of a
	 * service's pooled connections. Empty for a server elsewhere.
	 */
	static List<ProcessHandle> postgres(String jdbcUrl, String user, String password) throws SQLException {
		long backend;
		try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
				ResultSet result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			backend = result.getLong(1);
		}
		return ProcessHandle.of(backend)
			.filter(CpuTime::isPostgres)
			.flatMap(ProcessHandle::parent)
			.filter(CpuTime::isPostgres)
			.map((server) -> Stream.concat(Stream.of(server), server.children()).toList())
			.orElse(List.of());
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().filter((command) -> command.endsWith("/postgres")).isPresent();
	}

	/**
	 * Each part's CPU time since creation divided by {@code units}, in microseconds, e.g.
	 * {@code Kafka 15 µs, service 126 µs, benchmark 12 µs}; a process that ended in
	 * between is left out.
	 */
	String per(long units) {
		StringBuilder text = new StringBuilder();
		this.parts.forEach((name, processes) -> {
			if (processes.isEmpty()) {
				text.append(text.isEmpty() ? "" : ", ").append(name).append(" n/a");
				return;
			}
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
