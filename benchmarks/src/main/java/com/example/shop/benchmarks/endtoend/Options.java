package com.example.shop.benchmarks.endtoend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the end-to-end benchmark. One of {@code --rate R},
 * {@code --rates R1,R2,...} or {@code --find-max}; everything else has a default.
 *
 * @param rates the offered rates to run, in order (empty with {@code --find-max})
 * @param findMax whether to search R_max
 * @param from the first rate the search tries
 * @param ceiling the highest rate the search tries
 * @param stepWindow the measured window of each search step
 * @param fractions after a search, runs at these percentages of R_max
 * @param plan how each run is made (its rate and window are set per run)
 * @param criterion when a run counts as sustainable
 * @param host where the stack's services listen (ports 8081 to 8085)
 * @param instances how many instances of each service the stack runs ({@code ./stack up
 * --instances N}); orders and cancellations are spread over them
 * @param bootstrapServers the stack's Kafka
 * @param runDirectory the stack's run directory, whose {@code pids/} name its processes
 */
record Options(List<Double> rates, boolean findMax, int from, int ceiling, Duration stepWindow, List<Integer> fractions,
		LoadRun.Plan plan, SustainabilityCriterion criterion, String host, int instances, String bootstrapServers,
		Path runDirectory) {

	static final String USAGE = """
			Usage: EndToEndBenchmark (--rate R | --rates R1,R2,... | --find-max) [options]
			  --duration 60s          measured window of each run (--rate, --rates, and the runs after --find-max)
			  --warmup 10s            orders placed at the same rate before the window, not measured
			  --mix happy=100         e.g. happy=90,insufficient-funds=5,cancellation=5
			  --max-schedule-lag 100ms  the run fails when an order of the window is sent later than this
			  --p99-bound 1s          sustainable: saga completion p99 at most this
			  --min-completed 0.95    sustainable: completed sagas/s at least this share of the offered rate
			  --drain-timeout 30s     how long after the window the last sagas may take
			  --from 25 --max-rate 2000 --step-duration 20s   the R_max search
			  --fractions 25,50,100   after --find-max, runs at these percentages of R_max (none: 0)
			  --customers N --broke-customers 20 --products 50   the catalog seeded per run
			  --instances 1           instances per service (./stack up --instances N); orders go round-robin
			  --host 127.0.0.1 --kafka 127.0.0.1:9092 --run-dir .run""";

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

	static Options parse(String... args) {
		List<Double> rates = new ArrayList<>();
		boolean findMax = false;
		int from = 25;
		int ceiling = 2_000;
		Duration stepWindow = Duration.ofSeconds(20);
		List<Integer> fractions = List.of(25, 50, 100);
		Duration window = Duration.ofSeconds(60);
		Duration warmup = Duration.ofSeconds(10);
		ScenarioMix mix = ScenarioMix.happyPathOnly();
		Duration maxScheduleLag = SustainabilityCriterion.DEFAULT.maxScheduleLag();
		Duration p99Bound = SustainabilityCriterion.DEFAULT.p99Bound();
		double minCompleted = SustainabilityCriterion.DEFAULT.minCompletedRatio();
		Duration drainTimeout = Duration.ofSeconds(30);
		int customers = 0;
		int broke = 20;
		int products = 50;
		String host = "127.0.0.1";
		int instances = 1;
		String kafka = "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "9092");
		Path runDirectory = Path.of(".run");
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--find-max")) {
				findMax = true;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
			}
			String value = args[++i];
			switch (option) {
				case "--rate" -> rates.add(positive(Double.parseDouble(value), option));
				case "--rates" -> {
					for (String rate : value.split(",")) {
						rates.add(positive(Double.parseDouble(rate.trim()), option));
					}
				}
				case "--duration" -> window = duration(value);
				case "--warmup" -> warmup = duration(value);
				case "--mix" -> mix = ScenarioMix.parse(value);
				case "--max-schedule-lag" -> maxScheduleLag = duration(value);
				case "--p99-bound" -> p99Bound = duration(value);
				case "--min-completed" -> minCompleted = Double.parseDouble(value);
				case "--drain-timeout" -> drainTimeout = duration(value);
				case "--from" -> from = Integer.parseInt(value);
				case "--max-rate" -> ceiling = Integer.parseInt(value);
				case "--step-duration" -> stepWindow = duration(value);
				case "--fractions" -> fractions = value.equals("0") ? List.of()
						: Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
				case "--customers" -> customers = Integer.parseInt(value);
				case "--broke-customers" -> broke = Integer.parseInt(value);
				case "--products" -> products = Integer.parseInt(value);
				case "--host" -> host = value;
				case "--instances" -> instances = (int) positive(Integer.parseInt(value), option);
				case "--kafka" -> kafka = value;
				case "--run-dir" -> runDirectory = Path.of(value);
				default -> throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
			}
		}
		if (rates.isEmpty() == !findMax) {
			throw new IllegalArgumentException("Give either --rate/--rates or --find-max\n" + USAGE);
		}
		if (window.isZero() || stepWindow.isZero()) {
			throw new IllegalArgumentException("A measured window must not be empty");
		}
		SustainabilityCriterion criterion = new SustainabilityCriterion(maxScheduleLag, p99Bound, minCompleted,
				SustainabilityCriterion.DEFAULT.maxErrorRatio());
		LoadRun.Plan plan = new LoadRun.Plan(findMax ? from : rates.get(0), warmup, window, mix, maxScheduleLag,
				drainTimeout, customers, broke, products, true);
		return new Options(List.copyOf(rates), findMax, from, ceiling, stepWindow, fractions, plan, criterion, host,
				instances, kafka, runDirectory);
	}

	/**
	 * {@code 500ms}, {@code 20s} or {@code 2m}.
	 */
	static Duration duration(String text) {
		Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("A duration is a number with ms, s or m, such as 30s, not " + text);
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			default -> Duration.ofMinutes(amount);
		};
	}

	private static double positive(double rate, String option) {
		if (!(rate > 0)) {
			throw new IllegalArgumentException(option + " must be positive, not " + rate);
		}
		return rate;
	}

}
