package com.example.shop.benchmarks.endtoend;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.shop.benchmarks.endtoend.ProcessStats.ProcessUsage;

/**
 * Results as Markdown, ready for {@code docs/benchmarks.md}: one row per run, and per run
 * the CPU and memory of each process.
 */
final class MarkdownReport {

	private MarkdownReport() {
	}

	static String runs(List<RunResult> runs, SustainabilityCriterion criterion) {
		StringBuilder table = new StringBuilder("""
				| Offered orders/s | Accepted orders/s | Completed sagas/s | Saga p50 ms | Saga p99 ms | Saga p99.9 ms \
				| Saga max ms | Projection lag p50 ms | Projection lag p99 ms | POST /orders p99 ms | Errors \
				| Generator max lag ms | Sustainable |
				|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
				""");
		for (RunResult run : runs) {
			List<String> violations = criterion.violations(run);
			table.append(String.format(Locale.ROOT,
					"| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,d | %s | %s |%n", number(run.offeredRate()),
					number(run.acceptedPerSecond()), number(run.completedPerSecond()),
					millis(run.sagaCompletion().p50()), millis(run.sagaCompletion().p99()),
					millis(run.sagaCompletion().p999()), millis(run.sagaCompletion().max()),
					millis(run.projectionLag().p50Millis()), millis(run.projectionLag().p99Millis()),
					millis(run.placeOrder().p99()), run.errorCount(), millis(run.maxSendLagMillis()),
					violations.isEmpty() ? "yes" : "no: " + String.join("; ", violations)));
		}
		return table.toString();
	}

	static String processes(RunResult run) {
		StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
				At %s orders/s, over the %d s window:

				| Process | CPU (cores) | RSS MB | Peak RSS MB | PSS MB |
				|---|---:|---:|---:|---:|
				""", number(run.offeredRate()), run.window().toSeconds()));
		double cpu = 0;
		long pss = 0;
		for (ProcessUsage process : run.processes()) {
			cpu += process.cpuCores();
			pss += process.pssMegabytes();
			table.append(String.format(Locale.ROOT, "| %s | %.2f | %,d | %,d | %,d |%n", process.name(),
					process.cpuCores(), process.rssMegabytes(), process.peakRssMegabytes(), process.pssMegabytes()));
		}
		table.append(String.format(Locale.ROOT, "| all | %.2f | | | %,d |%n", cpu, pss));
		return table.toString();
	}

	static String outcomes(RunResult run) {
		return String.format(Locale.ROOT,
				"At %s orders/s: %,d offered, %,d sent, %,d accepted; outcomes %s; errors %s%n",
				number(run.offeredRate()), run.offered(), run.sent(), run.accepted(), counts(run.outcomes()),
				counts(run.errors()));
	}

	private static String counts(Map<String, Long> counts) {
		return counts.isEmpty() ? "none"
				: counts.entrySet()
					.stream()
					.map((entry) -> String.format(Locale.ROOT, "%s %,d", entry.getKey(), entry.getValue()))
					.collect(Collectors.joining(", "));
	}

	static String number(double value) {
		return String.format(Locale.ROOT, (value == Math.rint(value)) ? "%,.0f" : "%,.1f", value);
	}

	static String millis(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.1f", value);
	}

}
