package com.example.shop.saga.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds sagas for tests: one order, fixed policies, a clock that the test moves.
 */
final class SagaTestData {

	static final OrderId ORDER_ID = new OrderId("0b8f7d1e-6c43-4bd5-9a43-0d3c5f2c7e11");

	static final String CUSTOMER_ID = "C-000042";

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	/** Every step waits 5 s, then 10 s, then gives up. */
	static final StepPolicy.Policies POLICIES = (step) -> new StepPolicy(Duration.ofSeconds(5), 2, 2.0);

	static final OrderDetails ORDER = new OrderDetails(CUSTOMER_ID, new BigDecimal("59.80"), "EUR",
			List.of(new OrderDetails.Line("SKU-1001", 2), new OrderDetails.Line("SKU-2002", 1)),
			new OrderDetails.Destination("Ada Lovelace", "Main St 1", "Berlin", "10115", "DE"));

	private SagaTestData() {
	}

	/**
	 * A saga that has just sent {@code ChargePayment}.
	 */
	static OrderFulfillmentSaga aStartedSaga() {
		OrderFulfillmentSaga saga = OrderFulfillmentSaga.start(SagaId.newId(), ORDER_ID, ORDER, "corr-1", null, T0);
		saga.begin(T0, POLICIES);
		return saga;
	}

	/**
	 * A started saga that has received {@code replies}, one second apart.
	 */
	static OrderFulfillmentSaga aSagaAfter(SagaReply... replies) {
		OrderFulfillmentSaga saga = aStartedSaga();
		Instant now = T0;
		for (SagaReply reply : replies) {
			now = now.plusSeconds(1);
			saga.handle(reply, now, POLICIES);
		}
		return saga;
	}

	/**
	 * Lets the saga's current step go unanswered through both attempts.
	 * @return the commands the saga sent when it gave up
	 */
	static List<SagaCommand> giveUp(OrderFulfillmentSaga saga) {
		saga.deadlinePassed(saga.deadline(), POLICIES);
		return saga.deadlinePassed(saga.deadline(), POLICIES);
	}

}
