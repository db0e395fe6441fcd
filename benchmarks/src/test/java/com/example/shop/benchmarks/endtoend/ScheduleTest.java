package com.example.shop.benchmarks.endtoend;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

	@Test
	void spacesOrdersEvenlyAtTheOfferedRate() {
		Schedule schedule = Schedule.of(200, Duration.ofSeconds(3));

		assertThat(schedule.count()).isEqualTo(600);
		assertThat(schedule.offsetNanos(0)).isZero();
		assertThat(schedule.offsetNanos(1)).isEqualTo(5_000_000);
		assertThat(schedule.offsetNanos(599)).isEqualTo(2_995_000_000L);
		assertThat(schedule.length()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void keepsAFractionalRateWithoutDrift() {
		Schedule schedule = Schedule.of(30.75, Duration.ofSeconds(60));

		assertThat(schedule.count()).isEqualTo(1_845);
		// order 1,845 would start exactly at 60 s: rounding per order, not per period, so
		// the error never adds up
		assertThat(schedule.offsetNanos(1_844)).isEqualTo(Math.round(1_844 * 1e9 / 30.75));
		assertThat(schedule.length()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void startsNoOrderBeyondItsEnd() {
		Schedule schedule = new Schedule(10, 5);

		assertThatThrownBy(() -> schedule.offsetNanos(5)).isInstanceOf(IndexOutOfBoundsException.class);
		assertThatThrownBy(() -> schedule.offsetNanos(-1)).isInstanceOf(IndexOutOfBoundsException.class);
	}

	@Test
	void refusesARateThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(0, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(Double.NaN, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(-5, 10));
	}

	@Test
	void fallsBehindOnlyWhenASendIsLaterThanTheTolerance() {
		Duration tolerance = Duration.ofMillis(100);

		assertThat(Schedule.fellBehind(Duration.ofMillis(100).toNanos(), tolerance)).isFalse();
		assertThat(Schedule.fellBehind(Duration.ofMillis(100).toNanos() + 1, tolerance)).isTrue();
		assertThat(Schedule.fellBehind(0, tolerance)).isFalse();
	}

}
