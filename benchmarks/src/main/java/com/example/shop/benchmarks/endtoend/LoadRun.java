package com.example.shop.benchmarks.endtoend;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.example.shop.benchmarks.endtoend.ProcessStats.Reading;
import com.example.shop.benchmarks.endtoend.RunResult.ProjectionLag;
import com.example.shop.benchmarks.endtoend.ShopApi.PlacedOrder;
import com.example.shop.benchmarks.endtoend.TerminalEvents.Terminal;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * One run at a fixed offered rate: seeds its catalog, places orders on the schedule (a
 * warm-up, then the measured window) without ever waiting for an answer, follows up
 * cancellations, drains until every accepted order is terminal, and collects what the run
 * measured.
 */
final class LoadRun {

	private static final String ORDER_SUMMARY = "order-summary";

	private final ShopApi api;

	private final TerminalEvents terminals;

	private final ProcessStats stats;

	private final Path pids;

	private final Plan plan;

	/** Order id to its index in the schedule, for every accepted order. */
	private final Map<String, Long> placed = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private final ConcurrentHistogram placeOrder = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

	LoadRun(ShopApi api, TerminalEvents terminals, ProcessStats stats, Path pids, Plan plan) {
		this.api = api;
		this.terminals = terminals;
		this.stats = stats;
		this.pids = pids;
		this.plan = plan;
	}

	RunResult execute() {
		Schedule warmup = Schedule.of(this.plan.rate(), this.plan.warmup());
		Schedule window = Schedule.of(this.plan.rate(), this.plan.window());
		Schedule schedule = new Schedule(this.plan.rate(), warmup.count() + window.count());
		Catalog catalog = Catalog.seed(this.api, this.plan.payingCustomers(schedule.count()),
				this.plan.brokeCustomers(), this.plan.products(), schedule.count());
		Map<String, List<Long>> processes = this.stats.processes(this.pids);

		Instant startedAt = Instant.now();
		long start = System.nanoTime();
		long windowStart = start + warmup.length().toNanos();
		long windowEnd = windowStart + window.length().toNanos();
		CompletableFuture<Map<String, Reading>> before = readingAt(processes, windowStart);
		CompletableFuture<Map<String, Reading>> after = readingAt(processes, windowEnd);

		Histogram sendLag = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
		List<CompletableFuture<Void>> inFlight = new ArrayList<>();
		long tolerance = this.plan.maxScheduleLag().toNanos();
		boolean fellBehind = false;
		long sent = 0;
		for (long i = 0; i < schedule.count(); i++) {
			long intended = start + schedule.offsetNanos(i);
			long now;
			while ((now = System.nanoTime()) < intended) {
				LockSupport.parkNanos(intended - now);
			}
			boolean measured = i >= warmup.count();
			// the warm-up also warms this generator: a late send there shifts load that
			// is
			// not measured, and only the window's sends must keep the schedule
			if (measured) {
				sendLag.recordValue(TimeUnit.NANOSECONDS.toMicros(now - intended));
			}
			if (measured && Schedule.fellBehind(now - intended, this.plan.maxScheduleLag())) {
				fellBehind = true;
				System.err.printf(
						"FAILED: the generator fell behind its schedule: order %d sent %d ms late"
								+ " (tolerance %d ms); stopping the run%n",
						i, TimeUnit.NANOSECONDS.toMillis(now - intended), TimeUnit.NANOSECONDS.toMillis(tolerance));
				break;
			}
			inFlight.add(place(catalog, i, intended));
			if (measured) {
				sent++;
			}
		}
		awaitAll(inFlight);
		long drainDeadline = Math.max(System.nanoTime(), windowEnd) + this.plan.drainTimeout().toNanos();
		awaitTerminal(drainDeadline);
		ProjectionLag lag = projectionLag();

		long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, startedAt);
		long windowStartMillis = (startMicros + TimeUnit.NANOSECONDS.toMicros(windowStart - start)) / 1000;
		long windowEndMillis = (startMicros + TimeUnit.NANOSECONDS.toMicros(windowEnd - start)) / 1000;
		long drainEndMicros = startMicros + TimeUnit.NANOSECONDS.toMicros(drainDeadline - start);
		Histogram saga = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
		long accepted = 0;
		long completedInWindow = 0;
		long notTerminal = 0;
		Map<String, Long> outcomes = new TreeMap<>();
		for (Map.Entry<String, Long> order : this.placed.entrySet()) {
			long index = order.getValue();
			Terminal terminal = this.terminals.of(order.getKey());
			if (terminal != null && terminal.publishedAtMillis() >= windowStartMillis
					&& terminal.publishedAtMillis() < windowEndMillis) {
				completedInWindow++;
			}
			if (index < warmup.count()) {
				continue;
			}
			accepted++;
			long intendedMicros = startMicros + TimeUnit.NANOSECONDS.toMicros(schedule.offsetNanos(index));
			if (terminal == null) {
				notTerminal++;
				// a lower bound, so that orders that never ended still weigh on the
				// percentiles
				saga.recordValue(Math.max(0, drainEndMicros - intendedMicros));
			}
			else {
				saga.recordValue(Math.max(0, terminal.publishedAtMillis() * 1000 - intendedMicros));
				outcomes.merge(terminal.type(), 1L, Long::sum);
			}
		}
		this.outcomes.forEach((kind, count) -> outcomes.put(kind, count.sum()));
		Map<String, Long> errors = new TreeMap<>();
		this.errors.forEach((kind, count) -> errors.put(kind, count.sum()));
		List<ProcessStats.ProcessUsage> usage = ProcessStats.usage(before.join(), after.join(),
				window.length().toNanos() / 1e9);
		return new RunResult(this.plan.rate(), window.length(), window.count(), sent, accepted, completedInWindow,
				notTerminal, Percentiles.of(saga), Percentiles.of(this.placeOrder), lag, sendLag.getMaxValue() / 1000.0,
				fellBehind, outcomes, errors, usage);
	}

	private CompletableFuture<Void> place(Catalog catalog, long index, long intended) {
		Scenario scenario = this.plan.mix().scenarioOf(index);
		String country = Catalog.SERVED_COUNTRY;
		return this.api
			.placeOrder(catalog.customerFor(scenario, index), catalog.skuFor(index), Catalog.UNIT_PRICE, country)
			.handle((response, failure) -> {
				this.placeOrder.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intended)));
				if (failure != null) {
					count(this.errors, "POST /orders: " + describe(failure));
					return null;
				}
				if (response.statusCode() != 201) {
					count(this.errors, "POST /orders: " + response.statusCode());
					return null;
				}
				PlacedOrder order = this.api.placed(response);
				this.placed.put(order.orderId(), index);
				return (scenario == Scenario.CANCELLATION) ? order : null;
			})
			.thenCompose((order) -> (order != null) ? cancel(order) : CompletableFuture.completedFuture(null));
	}

	private CompletableFuture<Void> cancel(PlacedOrder order) {
		return this.api.requestCancellation(order.orderId(), order.version()).handle((response, failure) -> {
			if (failure != null) {
				count(this.errors, "POST /orders/{id}/cancellation: " + describe(failure));
			}
			else if (response.statusCode() == 202) {
				count(this.outcomes, "cancellation accepted (202)");
			}
			else if (response.statusCode() == 409) {
				count(this.outcomes, "cancellation too late (409)");
			}
			else {
				count(this.errors, "POST /orders/{id}/cancellation: " + response.statusCode());
			}
			return null;
		});
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof HttpTimeoutException) {
			return "no answer within " + ShopApi.REQUEST_TIMEOUT.toSeconds() + " s";
		}
		return cause.getClass().getSimpleName();
	}

	private static void count(Map<String, LongAdder> counts, String kind) {
		counts.computeIfAbsent(kind, (key) -> new LongAdder()).increment();
	}

	/**
	 * Reads the processes at {@code nanoTime} on another thread, so that reading
	 * {@code /proc} never delays a send.
	 */
	private CompletableFuture<Map<String, Reading>> readingAt(Map<String, List<Long>> processes, long nanoTime) {
		long delay = Math.max(0, nanoTime - System.nanoTime());
		return CompletableFuture.supplyAsync(() -> this.stats.read(processes),
				CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS));
	}

	private static void awaitAll(List<CompletableFuture<Void>> inFlight) {
		CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
	}

	/**
	 * Waits up to {@code timeout} more for the sagas of this run that had not ended when
	 * it was measured, so that the next run does not start behind a backlog.
	 * @return how many are still running
	 */
	int settle(Duration timeout) {
		return awaitTerminal(System.nanoTime() + timeout.toNanos());
	}

	/**
	 * Waits until the terminal event of every accepted order has been seen, or until the
	 * deadline.
	 * @return how many orders are not terminal
	 */
	private int awaitTerminal(long deadline) {
		List<String> waiting = new ArrayList<>(this.placed.keySet());
		while (!waiting.isEmpty() && System.nanoTime() < deadline) {
			waiting.removeIf((orderId) -> this.terminals.of(orderId) != null);
			if (!waiting.isEmpty()) {
				sleep(Duration.ofMillis(100));
			}
		}
		return waiting.size();
	}

	/**
	 * The order summary's lag as the query service measured it; with several instances,
	 * the worst instance's. With {@link Plan#awaitProjection()} it is read once the
	 * projection has been idle for a second on every instance (it has applied everything
	 * there was), at most the drain timeout later.
	 */
	private ProjectionLag projectionLag() {
		try {
			long deadline = System.nanoTime() + this.plan.drainTimeout().toNanos();
			List<JsonNode> statuses = this.api.projection(ORDER_SUMMARY);
			while (this.plan.awaitProjection() && !statuses.isEmpty() && System.nanoTime() < deadline
					&& !statuses.stream().allMatch(LoadRun::idleForASecond)) {
				sleep(Duration.ofMillis(500));
				statuses = this.api.projection(ORDER_SUMMARY);
			}
			return statuses.stream()
				.map((status) -> new ProjectionLag(status.get("lagP50Millis").asDouble(),
						status.get("lagP99Millis").asDouble()))
				.reduce((a, b) -> new ProjectionLag(Math.max(a.p50Millis(), b.p50Millis()),
						Math.max(a.p99Millis(), b.p99Millis())))
				.orElse(ProjectionLag.UNKNOWN);
		}
		catch (IllegalStateException ex) {
			System.err.println("Projection lag unknown: " + ex.getMessage());
			return ProjectionLag.UNKNOWN;
		}
	}

	private static boolean idleForASecond(JsonNode status) {
		JsonNode last = status.get("lastAppliedAt");
		return last != null && !last.isNull()
				&& Instant.parse(last.asString()).isBefore(Instant.now().minus(Duration.ofSeconds(1)));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * How one run is made.
	 *
	 * @param rate offered orders per second
	 * @param warmup how long orders are placed before the measured window
	 * @param window the measured window
	 * @param mix the scenarios' shares
	 * @param maxScheduleLag how late a send may be before the run fails
	 * @param drainTimeout how long after the window to wait for the last sagas to end
	 * @param customers paying customers; 0 for one per 25 orders
	 * @param brokeCustomers customers who cannot pay
	 * @param products products ordered
	 * @param awaitProjection whether to let the projection catch up before reading its
	 * lag
	 */
	record Plan(double rate, Duration warmup, Duration window, ScenarioMix mix, Duration maxScheduleLag,
			Duration drainTimeout, int customers, int brokeCustomers, int products, boolean awaitProjection) {

		int payingCustomers(long orders) {
			return (this.customers > 0) ? this.customers : (int) Math.max(50, orders / 25);
		}

		Plan withRate(double rate, Duration window, boolean awaitProjection) {
			return new Plan(rate, this.warmup, window, this.mix, this.maxScheduleLag, this.drainTimeout, this.customers,
					this.brokeCustomers, this.products, awaitProjection);
		}

	}

}
