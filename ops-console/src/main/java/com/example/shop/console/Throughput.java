package com.example.shop.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Component;

/**
 * What the overview shows over time: at most every {@code shop.console.sample-interval},
 * while an operator watches the overview, it counts the sagas (one per order placed) by
 * state through the orchestrator's API and keeps the last forty counts in memory, with
 * each service's outbox backlog. It calls with that operator's token: the console has no
 * token of its own. Rates per minute are the differences between consecutive counts over
 * the time between them.
 */
@Component
class Throughput {

	private static final int KEPT = 40;

	private final Services services;

	private final Duration interval;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private volatile String lastFailure;

	private volatile List<Outbox> outboxes = List.of();

	Throughput(Services services, ConsoleProperties properties) {
		this.services = services;
		this.interval = properties.sampleInterval();
	}

	/**
	 * Counts at one moment.
	 *
	 * @param placed every saga there is: one per order placed
	 * @param completed sagas in {@code COMPLETED}
	 * @param failed sagas in {@code REJECTED} or {@code COMPENSATION_FAILED}
	 * @param inFlight sagas in {@code PROCESSING} or {@code COMPENSATING}
	 */
	record Sample(Instant at, long placed, long completed, long failed, long inFlight) {

	}

	/**
	 * A small line chart of a rate per minute, as SVG points.
	 *
	 * @param latest the last value, or {@code null} before there are two samples
	 */
	record Chart(String label, Double latest, String points, double max) {

		public String latestText() {
			return (this.latest != null) ? String.format(Locale.ROOT, "%.0f", this.latest) : "–";
		}

	}

	/**
	 * A service's outbox now.
	 *
	 * @param rows messages not yet published, {@code null} when it could not be asked
	 * @param oldestAgeSeconds how long the oldest has waited
	 * @param failure why it could not be asked
	 */
	record Outbox(String service, Long rows, Double oldestAgeSeconds, String failure) {

	}

	/**
	 * Counts again unless the last count is younger than the interval; operators who
	 * watch at the same time share the counts.
	 */
	void sampleIfDue() {
		synchronized (this.samples) {
			Sample last = this.samples.peekLast();
			if (last != null && last.at().plus(this.interval).isAfter(Instant.now())) {
				return;
			}
			try {
				this.samples.addLast(new Sample(Instant.now(), total(""), total("COMPLETED"),
						total("REJECTED") + total("COMPENSATION_FAILED"), total("PROCESSING") + total("COMPENSATING")));
				while (this.samples.size() > KEPT) {
					this.samples.removeFirst();
				}
				this.lastFailure = null;
			}
			catch (ServiceException ex) {
				this.lastFailure = ex.describe();
			}
			this.outboxes = outboxesNow();
		}
	}

	/**
	 * Each service's outbox backlog; a service without an outbox answers 404 and is left
	 * out.
	 */
	private List<Outbox> outboxesNow() {
		List<Outbox> outboxes = new ArrayList<>();
		for (String service : this.services.names()) {
			try {
				Map<String, Object> backlog = this.services.get(service, "/outbox");
				if (backlog != null && backlog.get("rows") instanceof Number rows
						&& backlog.get("oldestAgeSeconds") instanceof Number age) {
					outboxes.add(new Outbox(service, rows.longValue(), age.doubleValue(), null));
				}
				else {
					outboxes.add(new Outbox(service, null, null, "it answered without a backlog"));
				}
			}
			catch (ServiceException ex) {
				if (!ex.isNotFound()) {
					outboxes.add(new Outbox(service, null, null, ex.describe()));
				}
			}
		}
		return List.copyOf(outboxes);
	}

	private long total(String state) {
		Map<String, Object> page = this.services.get("saga-orchestrator",
				"/sagas?size=1" + (state.isEmpty() ? "" : "&state=" + state));
		return (page != null && page.get("totalElements") instanceof Number total) ? total.longValue() : 0;
	}

	List<Sample> samples() {
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
	}

	List<Outbox> outboxes() {
		return this.outboxes;
	}

	String lastFailure() {
		return this.lastFailure;
	}

	List<Chart> charts() {
		List<Sample> samples = samples();
		return List.of(chart("Orders placed per minute", samples, Sample::placed),
				chart("Sagas completed per minute", samples, Sample::completed),
				chart("Sagas failed per minute", samples, Sample::failed));
	}

	static Chart chart(String label, List<Sample> samples, ToLongFunction<Sample> count) {
		List<Double> rates = new ArrayList<>();
		for (int i = 1; i < samples.size(); i++) {
			Sample before = samples.get(i - 1);
			Sample after = samples.get(i);
			double seconds = Math.max(1, Duration.between(before.at(), after.at()).toMillis() / 1000.0);
			rates.add(Math.max(0, count.applyAsLong(after) - count.applyAsLong(before)) * 60 / seconds);
		}
		double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < rates.size(); i++) {
			double x = (rates.size() == 1) ? 0 : i * 240.0 / (rates.size() - 1);
			double y = 46 - ((max > 0) ? rates.get(i) / max * 44 : 0);
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		return new Chart(label, rates.isEmpty() ? null : rates.get(rates.size() - 1), points.toString().trim(), max);
	}

}
