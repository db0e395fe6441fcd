package com.example.shop.saga.config;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.example.shop.saga.domain.Step;
import com.example.shop.saga.domain.StepPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The saga's settings.
 *
 * @param defaultStep how every step waits and retries, unless {@code steps} says
 * otherwise
 * @param steps per-step policies, e.g.
 * {@code shop.saga.steps.charge-payment.timeout=30s}; an entry replaces the default
 * policy of its step
 * @param deadlinePollInterval how often passed deadlines are looked for
 * @param deadlineBatchSize how many passed deadlines one transaction handles
 * @param topicPartitions partitions of the dead-letter topics this service creates
 * @param stuckAfter how long past its deadline a saga that is still moving counts as
 * stuck, in {@code GET /sagas/stuck} and the gauge {@code sagas.stuck}
 */
@ConfigurationProperties("shop.saga")
public record SagaProperties(@DefaultValue Policy defaultStep, Map<Step, Policy> steps,
		@DefaultValue("250ms") Duration deadlinePollInterval, @DefaultValue("100") int deadlineBatchSize,
		@DefaultValue("3") int topicPartitions, @DefaultValue("1m") Duration stuckAfter) {

	public SagaProperties {
		steps = (steps != null) ? Map.copyOf(steps) : Map.of();
	}

	/**
	 * @param timeout how long the first attempt waits for the reply
	 * @param attempts how many times the command is sent
	 * @param backoffMultiplier how much longer each further attempt waits
	 */
	public record Policy(@DefaultValue("10s") Duration timeout, @DefaultValue("3") int attempts,
			@DefaultValue("2.0") double backoffMultiplier) {

		StepPolicy toStepPolicy() {
			return new StepPolicy(this.timeout, this.attempts, this.backoffMultiplier);
		}

	}

	StepPolicy.Policies policies() {
		StepPolicy fallback = this.defaultStep.toStepPolicy();
		Map<Step, StepPolicy> overrides = this.steps.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().toStepPolicy()));
		return (step) -> overrides.getOrDefault(step, fallback);
	}

}
