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

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the overview shows over time: every {@code shop.console.sample-interval} it counts
 * the sagas (one per order placed) by state through the orchestrator's API, as the
 * console's own client, and keeps the last ten minutes of counts in memory, with each
 * service's outbox backlog. Rates per minute are the differences between consecutive
 * counts.
 */
@Component
class Throughput {

	private static final int KEPT = 40;

	private final Services services;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private volatile String lastFailure;

	private volatile List<Outbox> outboxes = List.of();

	Throughput(Services services) {
		this.services = services;
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

	@Scheduled(fixedDelayString = "${shop.console.sample-interval}", initialDelay = 0)
	void sample() {
		sampleSagas();
		sampleOutboxes();
	}

	/**
	 * Each service's outbox backlog; a service without an outbox answers 404 and is left
	 * out.
	 */
	private void sampleOutboxes() {
		List<Outbox> outboxes = new ArrayList<>();
		for (String service : this.services.names()) {
			try {
				Map<String, Object> backlog = this.services.getAsConsole(service, "/outbox");
				outboxes.add(new Outbox(service, ((Number) backlog.get("rows")).longValue(),
						((Number) backlog.get("oldestAgeSeconds")).doubleValue(), null));
			}
			catch (ServiceException ex) {
				if (!ex.isNotFound()) {
					outboxes.add(new Outbox(service, null, null, ex.describe()));
				}
			}
		}
		this.outboxes = List.copyOf(outboxes);
	}

	List<Outbox> outboxes() {
		return this.outboxes;
	}

	private void sampleSagas() {
		try {
			long placed = total("");
			long completed = total("COMPLETED");
			long failed = total("REJECTED") + total("COMPENSATION_FAILED");
			long inFlight = total("PROCESSING") + total("COMPENSATING");
			synchronized (this.samples) {
				this.samples.addLast(new Sample(Instant.now(), placed, completed, failed, inFlight));
				while (this.samples.size() > KEPT) {
					this.samples.removeFirst();
				}
			}
			this.lastFailure = null;
		}
		catch (ServiceException ex) {
			this.lastFailure = ex.describe();
		}
	}

	private long total(String state) {
		Object total = this.services
			.getAsConsole("saga-orchestrator", "/sagas?size=1" + (state.isEmpty() ? "" : "&state=" + state))
			.get("totalElements");
		return (total instanceof Number number) ? number.longValue() : 0;
	}

	List<Sample> samples() {
		synchronized (this.samples) {
			return List.copyOf(this.samples);
		}
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
