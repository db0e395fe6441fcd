package com.example.shop.order.query.view;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.example.shop.platform.eventing.CloudEventHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.stereotype.Component;

/**
 * How far the live order summary projection has got: the offset it last applied per
 * partition and its lag, from an event's {@code ce_time} to the moment the view had it,
 * as the Micrometer timer {@code projection.lag} whose percentiles cover about the last
 * minute.
 */
@Component
public class ProjectionMonitor {

	private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

	private final Timer lag;

	private volatile Instant lastAppliedAt;

	public ProjectionMonitor(MeterRegistry meters) {
		this.lag = Timer.builder("projection.lag")
			.description("From an event being written to the order summary view having it")
			.tag("projection", ProjectionCatalog.ORDER_SUMMARY)
			.publishPercentiles(0.5, 0.99)
			.distributionStatisticExpiry(Duration.ofMinutes(1))
			.distributionStatisticBufferLength(3)
			.register(meters);
	}

	public void applied(ConsumerRecord<String, byte[]> record) {
		Instant now = Instant.now();
		this.positions.merge(record.partition(), record.offset(), Math::max);
		this.lastAppliedAt = now;
		String written = CloudEventHeaders.get(record, CloudEventHeaders.TIME);
		if (written != null) {
			try {
				this.lag.record(Duration.between(Instant.parse(written), now));
			}
			catch (DateTimeParseException ex) {
				// no lag for a record with a malformed time; the event itself was applied
			}
		}
	}

	/**
	 * @param positions the last applied offset per partition
	 * @param lagP50Millis median lag over about the last minute
	 * @param lagP99Millis 99th percentile lag over about the last minute
	 */
	public record Status(Map<Integer, Long> positions, Instant lastAppliedAt, double lagP50Millis,
			double lagP99Millis) {
	}

	public Status status() {
		var percentiles = this.lag.takeSnapshot().percentileValues();
		return new Status(new TreeMap<>(this.positions), this.lastAppliedAt,
				percentiles[0].value(TimeUnit.MILLISECONDS), percentiles[1].value(TimeUnit.MILLISECONDS));
	}

}
