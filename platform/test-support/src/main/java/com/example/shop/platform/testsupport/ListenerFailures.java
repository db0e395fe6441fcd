package com.example.shop.platform.testsupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How many deliveries of a poll the service's Kafka listeners have failed on so far, read
 * from Spring Kafka's listener timer ({@code spring.kafka.listener}, result
 * {@code failure}): a fact to wait on, such as a record tried more often than the error
 * handler's attempts.
 */
public final class ListenerFailures {

	private ListenerFailures() {
	}

	public static double count(MeterRegistry meters) {
		return meters.find("spring.kafka.listener")
			.tag("result", "failure")
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

}
