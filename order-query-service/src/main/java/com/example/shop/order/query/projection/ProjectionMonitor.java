package com.example.shop.order.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * How far each live projection has got: the offset it last applied per topic partition
 * and its lag, from an event's {@code ce_time} to the moment the view had it, as the
 * Micrometer timer {@code projection.lag} (tagged with the projection) whose percentiles
 * cover about the last minute.
 */
@Component
public class ProjectionMonitor {

	private final Map<String, Progress> progress = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	public ProjectionMonitor(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * How long ago the record's event was written, {@code null} when the record does not
	 * say. Taken once per record for all the projections that apply it.
	 */
	static Duration lag(TopicRecord record, Instant now) {
		Instant written = record.writtenAt();
		return (written != null) ? Duration.between(written, now) : null;
	}

	/**
	 * The projection has applied the record at {@code now}, {@code lag} after its event
	 * was written ({@code null}: no lag recorded, the event itself was applied).
	 */
	void applied(String projection, TopicRecord record, Instant now, Duration lag) {
		progress(projection).applied(record, now, lag);
	}

	/**
	 * @param positions the last applied offset per topic partition, e.g.
	 * {@code orders.events-0}
	 * @param lastAppliedAt when the live projection last applied an event, {@code null}
	 * before the first
	 * @param lagP50Millis median lag over about the last minute
	 * @param lagP99Millis 99th percentile lag over about the last minute
	 */
	public record Status(Map<String, Long> positions, Instant lastAppliedAt, double lagP50Millis, double lagP99Millis) {
	}

	public Status status(String projection) {
		return progress(projection).status();
	}

	private Progress progress(String projection) {
		return this.progress.computeIfAbsent(projection,
				(name) -> new Progress(Timer.builder("projection.lag")
					.description("From an event being written to a projection's view having it")
					.tag("projection", name)
					.publishPercentiles(0.5, 0.99)
					.distributionStatisticExpiry(Duration.ofMinutes(1))
					.distributionStatisticBufferLength(3)
					.register(this.meters)));
	}

	private static final class Progress {

		/** The last applied offset by topic partition, e.g. {@code orders.events-0}. */
		private final Map<String, Long> positions = new ConcurrentHashMap<>();

		private final Timer lag;

		private volatile Instant lastAppliedAt;

		private Progress(Timer lag) {
			this.lag = lag;
		}

		private void applied(TopicRecord record, Instant now, Duration lag) {
			this.positions.merge(record.topic() + "-" + record.partition(), record.offset(), Math::max);
			this.lastAppliedAt = now;
			if (lag != null) {
				this.lag.record(lag);
			}
		}

		private Status status() {
			var percentiles = this.lag.takeSnapshot().percentileValues();
			return new Status(new TreeMap<>(this.positions), this.lastAppliedAt,
					percentiles[0].value(TimeUnit.MILLISECONDS), percentiles[1].value(TimeUnit.MILLISECONDS));
		}

	}

}
