package com.example.shop.benchmarks.endtoend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.example.shop.benchmarks.endtoend.ProcessStats.ProcessUsage;
import com.example.shop.benchmarks.endtoend.ProcessStats.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessStatsTest {

	// a real line of /proc/<pid>/stat of a JVM: utime 4711, stime 289
	private static final String JAVA_STAT = "29407 (java) S 29390 29390 1234 0 -1 1077936384 123456 0 12 0 4711 289"
			+ " 0 0 20 0 87 0 5125934 3893583872 81532 18446744073709551615 1 1 0 0 0 0 4 0 16898 0 0 0 17 1 0 0"
			+ " 0 0 0 0 0 0 0 0 0 0 0";

	@TempDir
	Path proc;

	@Test
	void addsUserAndSystemTime() {
		assertThat(ProcessStats.cpuTicks(JAVA_STAT)).isEqualTo(4_711 + 289);
	}

	@Test
	void countsFieldsFromTheEndOfACommandNameWithSpacesAndParentheses() {
		String stat = "812 (postgres: walwriter (x) ) S 800 800 800 0 -1 4194368 90 0 0 0 30 12 0 0 20 0 1 0 100"
				+ " 220000000 2000 18446744073709551615";

		assertThat(ProcessStats.cpuTicks(stat)).isEqualTo(42);
	}

	@Test
	void readsSizesFromProcStatus() {
		String status = """
				Name:	java
				VmPeak:	 3802328 kB
				VmHWM:	  340112 kB
				VmRSS:	  326128 kB
				Threads:	57
				""";

		assertThat(ProcessStats.statusKilobytes(status, "VmRSS")).isEqualTo(326_128);
		assertThat(ProcessStats.statusKilobytes(status, "VmHWM")).isEqualTo(340_112);
		assertThat(ProcessStats.statusKilobytes(status, "VmSwap")).isZero();
	}

	@Test
	void readsTheIdFromAPidFileOfTheLocalStack() {
		assertThat(ProcessStats.pidOf("29407 1764229321000\n")).isEqualTo(29_407);
	}

	@Test
	void turnsTicksOverAWindowIntoCoresAndKeepsTheMemoryAtItsEnd() {
		Map<String, Reading> before = Map.of("kafka", new Reading(1_000, 400_000, 410_000, 390_000));
		Map<String, Reading> after = Map.of("kafka", new Reading(1_000 + 3_000, 450 * 1024, 460 * 1024, 440 * 1024));

		List<ProcessUsage> usage = ProcessStats.usage(before, after, 20);

		// 3,000 ticks = 30 CPU seconds in 20 s: one and a half cores
		assertThat(usage).singleElement().satisfies((kafka) -> {
			assertThat(kafka.cpuCores()).isCloseTo(1.5, within(1e-9));
			assertThat(kafka.rssMegabytes()).isEqualTo(450);
			assertThat(kafka.peakRssMegabytes()).isEqualTo(460);
			assertThat(kafka.pssMegabytes()).isEqualTo(440);
		});
	}

	@Test
	void readsEveryProcessOfTheRunDirectoryAndSumsAGroup() throws Exception {
		Path pids = Files.createDirectories(this.proc.resolve("run/pids"));
		Files.writeString(pids.resolve("kafka.pid"), "101 1764229321000\n");
		Files.writeString(pids.resolve("postgres.pid"), "102 1764229321000\n");
		process(101, 500, 200_000);
		process(102, 70, 50_000);
		process(103, 30, 10_000);
		ProcessStats stats = new ProcessStats(this.proc);

		Map<String, List<Long>> processes = stats.processes(pids);
		Map<String, Reading> readings = stats.read(Map.of("kafka", List.of(101L), "both", List.of(102L, 103L)));

		assertThat(processes).containsEntry("kafka", List.of(101L))
			.containsEntry("postgres", List.of(102L))
			.containsEntry(ProcessStats.GENERATOR, List.of(ProcessHandle.current().pid()))
			.doesNotContainKey(ProcessStats.POSTGRES_SERVER);
		assertThat(readings.get("kafka")).isEqualTo(new Reading(500, 200_000, 200_000, 150_000));
		assertThat(readings.get("both")).isEqualTo(new Reading(100, 60_000, 60_000, 45_000));
	}

	@Test
	void watchesAnExternalPostgresqlServerByItsProcessNames() throws Exception {
		Path pids = Files.createDirectories(this.proc.resolve("run/pids"));
		Files.writeString(pids.resolve("kafka.pid"), "101 1764229321000\n");
		process(101, 500, 200_000);
		Files.writeString(process(201, 10, 1_000).resolve("comm"), "postgres\n");
		Files.writeString(process(202, 10, 1_000).resolve("comm"), "postgres\n");
		Files.writeString(process(203, 10, 1_000).resolve("comm"), "bash\n");

		Map<String, List<Long>> processes = new ProcessStats(this.proc).processes(pids);

		assertThat(processes.get(ProcessStats.POSTGRES_SERVER)).containsExactlyInAnyOrder(201L, 202L);
	}

	@Test
	void countsAProcessThatEndedAsUsingNothing() {
		Map<String, Reading> readings = new ProcessStats(this.proc).read(Map.of("gone", List.of(99_999L)));

		assertThat(readings.get("gone")).isEqualTo(new Reading(0, 0, 0, 0));
	}

	private Path process(long pid, long ticks, long rssKilobytes) throws Exception {
		Path dir = Files.createDirectories(this.proc.resolve(String.valueOf(pid)));
		Files.writeString(dir.resolve("stat"),
				pid + " (java) S 1 1 1 0 -1 0 0 0 0 0 " + (ticks - 1) + " 1 0 0 20 0 1 0 1 1 1 1\n");
		Files.writeString(dir.resolve("status"),
				"Name:\tjava\nVmHWM:\t" + rssKilobytes + " kB\nVmRSS:\t" + rssKilobytes + " kB\n");
		Files.writeString(dir.resolve("smaps_rollup"),
				"Rss: " + rssKilobytes + " kB\nPss: " + (rssKilobytes * 3 / 4) + " kB\n");
		return dir;
	}

}
