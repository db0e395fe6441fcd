package com.example.shop.benchmarks.endtoend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end benchmark against a running stack ({@code ./stack up}): orders at a
 * fixed arrival rate through the whole system, saga completion measured from each order's
 * intended start to its terminal event, the projection lag, and CPU and memory per
 * process; optionally the search for R_max, the highest sustainable rate (see
 * {@link SustainabilityCriterion}), followed by runs at fractions of it. Prints Markdown
 * to standard output, progress to standard error. Exits with 1 when the generator fell
 * behind its schedule in a run it reports (the run measured the generator, not the
 * system), 2 on a bad command line.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar com.example.shop.benchmarks.endtoend.EndToEndBenchmark --rate 50 --duration 30s}
 */
public final class EndToEndBenchmark {

	/** A search step's runs are judged alike, so the search's resolution is 10%. */
	private static final double SEARCH_RESOLUTION = 0.1;

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

	private EndToEndBenchmark() {
	}

	public static void main(String[] args) {
		System.setProperty("logback.configurationFile", "local-stack-logback.xml");
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		ProcessStats stats = new ProcessStats(Path.of("/proc"));
		Path pids = options.runDirectory().resolve("pids");
		Environment environment = Environment.detect(stats.processes(pids), args);
		System.err.println("Environment: " + environment.describe());
		List<RunResult> results = new ArrayList<>();
		StringBuilder search = new StringBuilder();
		try (ShopApi api = new ShopApi(options.host(), options.instances());
				TerminalEvents terminals = TerminalEvents.fromNow(options.bootstrapServers())) {
			Runner runner = new Runner(api, terminals, stats, pids, options.criterion());
			if (options.findMax()) {
				List<RunResult> steps = new ArrayList<>();
				RateSearch.Outcome outcome = RateSearch.search(options.from(), options.ceiling(), SEARCH_RESOLUTION,
						(rate) -> {
							RunResult step = runner.run(options.plan().withRate(rate, options.stepWindow(), false));
							steps.add(step);
							return options.criterion().isSustainable(step);
						});
				search.append("### R_max search\n\n")
					.append(MarkdownReport.runs(steps, options.criterion()))
					.append(String.format(Locale.ROOT, "%nR_max = %d orders/s%n%n", outcome.maxRate()));
				System.err.print(search);
				if (outcome.maxRate() == 0) {
					System.out.print(search);
					System.err.println("No rate tried was sustainable; try a lower --from.");
					System.exit(1);
				}
				for (int percent : options.fractions()) {
					double rate = Math.max(1, Math.round(outcome.maxRate() * percent / 100.0));
					results.add(runner.run(options.plan().withRate(rate, options.plan().window(), true)));
				}
			}
			else {
				for (double rate : options.rates()) {
					results.add(runner.run(options.plan().withRate(rate, options.plan().window(), true)));
				}
			}
		}
		System.out.println("## End-to-end benchmark");
		System.out.println();
		System.out.println(environment.describe() + ".");
		System.out.println();
		System.out.println("Command: `" + environment.command() + "`");
		System.out.println();
		System.out.print(search);
		if (!results.isEmpty()) {
			System.out.println(MarkdownReport.runs(results, options.criterion()));
			results.forEach((run) -> System.out.println(MarkdownReport.outcomes(run)));
			results.forEach((run) -> System.out.println(MarkdownReport.processes(run)));
		}
		if (results.stream().anyMatch(RunResult::fellBehind)) {
			System.err.println("FAILED: the generator fell behind its schedule; those figures measure the generator.");
			System.exit(1);
		}
	}

	/**
	 * Makes runs one after the other, each starting once the previous one's sagas have
	 * ended (or a minute has passed).
	 */
	private static final class Runner {

		private final ShopApi api;

		private final TerminalEvents terminals;

		private final ProcessStats stats;

		private final Path pids;

		private final SustainabilityCriterion criterion;

		private LoadRun previous;

		Runner(ShopApi api, TerminalEvents terminals, ProcessStats stats, Path pids,
				SustainabilityCriterion criterion) {
			this.api = api;
			this.terminals = terminals;
			this.stats = stats;
			this.pids = pids;
			this.criterion = criterion;
		}

		RunResult run(LoadRun.Plan plan) {
			if (this.previous != null) {
				int running = this.previous.settle(SETTLE_TIMEOUT);
				if (running > 0) {
					System.err.printf("%d sagas of the previous run still running after %d s; going on%n", running,
							SETTLE_TIMEOUT.toSeconds());
				}
			}
			System.err.printf(Locale.ROOT, "Run at %s orders/s: %d s warm-up, %d s measured, mix %s%n",
					MarkdownReport.number(plan.rate()), plan.warmup().toSeconds(), plan.window().toSeconds(),
					plan.mix());
			LoadRun run = new LoadRun(this.api, this.terminals, this.stats, this.pids, plan);
			RunResult result = run.execute();
			this.previous = run;
			System.err.print(MarkdownReport.runs(List.of(result), this.criterion));
			System.err.println(MarkdownReport.outcomes(result));
			return result;
		}

	}

}
