package com.example.shop.saga.config;

import java.time.Duration;
import java.util.Map;

import com.example.shop.saga.domain.Step;
import com.example.shop.saga.domain.StepPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step policies as an operator writes them in properties or environment variables.
 */
class SagaPropertiesTest {

	@Test
	void aStepOfItsOwnOverridesTheDefaultPolicy() {
		StepPolicy.Policies policies = bind(Map.of("shop.saga.default-step.timeout", "4s",
				"shop.saga.steps.charge-payment.timeout", "30s", "shop.saga.steps.charge-payment.attempts", "5"))
			.policies();

		assertThat(policies.of(Step.CHARGE_PAYMENT)).isEqualTo(new StepPolicy(Duration.ofSeconds(30), 5, 2.0));
		assertThat(policies.of(Step.RESERVE_INVENTORY)).isEqualTo(new StepPolicy(Duration.ofSeconds(4), 3, 2.0));
	}

	@Test
	void withoutSettingsEveryStepWaitsTenSecondsThreeTimes() {
		SagaProperties properties = bind(Map.of("shop.saga.topic-partitions", "3"));

		assertThat(properties.policies().of(Step.CONFIRM_ORDER))
			.isEqualTo(new StepPolicy(Duration.ofSeconds(10), 3, 2.0));
		assertThat(properties.deadlinePollInterval()).isEqualTo(Duration.ofMillis(250));
	}

	private static SagaProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("shop.saga",
				SagaProperties.class);
	}

}
