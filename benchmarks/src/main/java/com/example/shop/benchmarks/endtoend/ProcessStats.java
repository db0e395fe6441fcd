package com.example.shop.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and memory of the stack's processes, read from Linux's {@code /proc}: the
 * processes named in the run directory's {@code pids/} (one file per process,
 * {@code <pid> <start time>}), this load generator, and, when PostgreSQL is a server the
 * stack only connects to, every {@code postgres} process of that server.
 */
final class ProcessStats {

	/**
	 * {@code USER_HZ}: the unit of the CPU times in {@code /proc/<pid>/stat}, 100 on
	 * every Linux architecture the JDK runs on.
	 */
	static final int TICKS_PER_SECOND = 100;

	static final String GENERATOR = "load generator (this JVM)";

	static final String POSTGRES_SERVER = "postgresql (whole server)";

	private final Path proc;

	ProcessStats(Path proc) {
		this.proc = proc;
	}

	/**
	 * The user plus system CPU time of a process in ticks, from one line of
	 * {@code /proc/<pid>/stat}. The command name in parentheses may itself hold spaces
	 * and parentheses, so fields are counted from the last {@code )}.
	 */
	static long cpuTicks(String statLine) {
		int end = statLine.lastIndexOf(')');
		if (end < 0) {
			throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + statLine);
		}
		String[] fields = statLine.substring(end + 1).trim().split("\\s+");
		// fields[0] is field 3 (state); utime is field 14, stime field 15
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/**
	 * A size in kB from {@code /proc/<pid>/status}, e.g. {@code VmRSS} (resident now) or
	 * {@code VmHWM} (the peak), or from {@code /proc/<pid>/smaps_rollup} ({@code Pss}); 0
	 * when the field is missing (a kernel thread, a zombie).
	 */
	static long statusKilobytes(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
			}
		}
		return 0;
	}

	/**
	 * The id in a pid file of the local stack.
	 */
	static long pidOf(String pidFile) {
		return Long.parseLong(pidFile.trim().split("\\s+")[0]);
	}

	/**
	 * The processes to watch, by name: each pid file in {@code pidsDirectory} (named
	 * after the file), this JVM, and the PostgreSQL server's processes when no pid file
	 * names a PostgreSQL the stack started itself.
	 */
	Map<String, List<Long>> processes(Path pidsDirectory) {
		Map<String, List<Long>> processes = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(pidsDirectory)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
				processes.put(name, List.of(pidOf(Files.readString(file))));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot read the stack's pids in " + pidsDirectory + ": is the stack running (./stack up)?", ex);
		}
		processes.put(GENERATOR, List.of(ProcessHandle.current().pid()));
		if (!processes.containsKey("postgres")) {
			processes.put(POSTGRES_SERVER, pidsNamed("postgres"));
		}
		return processes;
	}

	private List<Long> pidsNamed(String command) {
		List<Long> pids = new ArrayList<>();
		try (Stream<Path> entries = Files.list(this.proc)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit)
						&& command.equals(read(entry.resolve("comm")).map(String::trim).orElse(""))) {
					pids.add(Long.parseLong(name));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + this.proc, ex);
		}
		return pids;
	}

	/**
	 * One reading of each process: CPU ticks so far, resident and peak resident memory. A
	 * process that is gone counts as zero.
	 */
	Map<String, Reading> read(Map<String, List<Long>> processes) {
		Map<String, Reading> readings = new LinkedHashMap<>();
		processes.forEach((name, pids) -> {
			long ticks = 0;
			long rss = 0;
			long peak = 0;
			long proportional = 0;
			for (long pid : pids) {
				Path dir = this.proc.resolve(String.valueOf(pid));
				ticks += read(dir.resolve("stat")).map(ProcessStats::cpuTicks).orElse(0L);
				String status = read(dir.resolve("status")).orElse("");
				rss += statusKilobytes(status, "VmRSS");
				peak += statusKilobytes(status, "VmHWM");
				proportional += statusKilobytes(read(dir.resolve("smaps_rollup")).orElse(""), "Pss");
			}
			readings.put(name, new Reading(ticks, rss, peak, proportional));
		});
		return readings;
	}

	/**
	 * What each process used between two readings {@code wallSeconds} apart.
	 */
	static List<ProcessUsage> usage(Map<String, Reading> before, Map<String, Reading> after, double wallSeconds) {
		List<ProcessUsage> usage = new ArrayList<>();
		after.forEach((name, end) -> {
			Reading start = before.getOrDefault(name, new Reading(0, 0, 0, 0));
			double cpuSeconds = (double) Math.max(0, end.cpuTicks() - start.cpuTicks()) / TICKS_PER_SECOND;
			usage.add(new ProcessUsage(name, cpuSeconds / wallSeconds, end.rssKilobytes() / 1024,
					end.peakRssKilobytes() / 1024, end.pssKilobytes() / 1024));
		});
		return usage;
	}

	private static Optional<String> read(Path file) {
		try {
			return Optional.of(Files.readString(file));
		}
		catch (IOException ex) {
			// the process ended in between
			return Optional.empty();
		}
	}

	/**
	 * @param cpuTicks user plus system CPU time so far
	 * @param rssKilobytes resident memory now
	 * @param peakRssKilobytes the most resident memory so far
	 * @param pssKilobytes resident memory now with shared pages divided among the
	 * processes that share them, so that a sum over processes counts each page once
	 */
	record Reading(long cpuTicks, long rssKilobytes, long peakRssKilobytes, long pssKilobytes) {
	}

	/**
	 * @param name the process, as its pid file is named
	 * @param cpuCores CPU seconds (user plus system) per wall-clock second: 1.0 is one
	 * full core
	 * @param rssMegabytes resident memory at the end
	 * @param peakRssMegabytes the most resident memory over the process's life
	 * @param pssMegabytes proportional set size at the end: shared pages divided among
	 * their sharers (for PostgreSQL's processes, its shared buffers are counted once)
	 */
	record ProcessUsage(String name, double cpuCores, long rssMegabytes, long peakRssMegabytes, long pssMegabytes) {
	}

}
