package com.example.shop.systemtests;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fulfilment saga end to end: all five services as processes, every scenario driven
 * over REST only, and after each one the invariant checker reads every service's store.
 * Faults are real: a service is stopped, restarted or frozen with {@code SIGSTOP}.
 */
class FulfillmentScenariosIT extends SystemTest {

	private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

	private static final AtomicInteger IDS = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 4000L) * 100);

	private final List<String> orders = new ArrayList<>();

	private final List<String> skus = new ArrayList<>();

	@AfterEach
	void invariantsHold() {
		List<String> violations = this.system.invariants(this.shop)
			.awaitNoViolations(this.orders, this.skus, Duration.ofSeconds(30));
		this.orders.clear();
		this.skus.clear();
		assertThat(violations).as("invariants after the scenario").isEmpty();
	}

	@Test
	void happyPathChargesReservesShipsAndConfirms() {
		String customer = customer("100.00");
		String sku = product(5);

		JsonNode saga = fulfil(customer, sku, 2, "DE");

		assertThat(saga.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "CREATE_SHIPMENT",
				"CONFIRM_ORDER");
		assertThat(saga.get("trackingNumber").asString()).isNotBlank();
		assertThat(shop.account(customer).get("balance").decimalValue()).isEqualByComparingTo("75.00");
		JsonNode product = shop.product(sku);
		assertThat(product.get("available").asInt()).isEqualTo(3);
		assertThat(product.get("shipped").asInt()).isEqualTo(2);
	}

	@Test
	void insufficientFundsRejectsTheOrderWithoutTouchingStock() {
		String customer = customer("10.00");
		String sku = product(5);

		JsonNode saga = fulfil(customer, sku, 2, "DE");

		assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
		assertThat(saga.get("failureReason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "REJECT_ORDER");
		assertThat(shop.product(sku).get("available").asInt()).isEqualTo(5);
	}

	@Test
	void outOfStockRefundsThePaymentAndRejects() {
		String customer = customer("100.00");
		String sku = product(1);

		JsonNode saga = fulfil(customer, sku, 3, "DE");

		assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
		assertThat(saga.get("failureReason").asString()).isEqualTo("INSUFFICIENT_STOCK");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "REFUND_PAYMENT",
				"REJECT_ORDER");
		assertThat(shop.account(customer).get("balance").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void anUnservedDestinationRunsTheWholeCompensationChain() {
		String customer = customer("100.00");
		String sku = product(5);

		JsonNode saga = fulfil(customer, sku, 1, "US");

		assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
		assertThat(saga.get("failureReason").asString()).isEqualTo("UNSERVED_DESTINATION");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "CREATE_SHIPMENT",
				"RELEASE_INVENTORY", "REFUND_PAYMENT", "REJECT_ORDER");
	}

	@Test
	void cancellationWhilePayingRefundsWhateverTheChargeDid() {
		String customer = customer("100.00");
		String sku = product(5);

		JsonNode saga = cancelWhileFrozen(Service.PAYMENT, customer, sku, "CHARGE_PAYMENT", "REFUND_PAYMENT");

		assertThat(saga.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "REFUND_PAYMENT", "CANCEL_ORDER");
		assertThat(shop.account(customer).get("balance").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void cancellationWhileReservingReleasesAndRefunds() {
		String customer = customer("100.00");
		String sku = product(5);

		JsonNode saga = cancelWhileFrozen(Service.INVENTORY, customer, sku, "RESERVE_INVENTORY", "RELEASE_INVENTORY");

		assertThat(saga.get("state").asString()).isEqualTo("CANCELLED");
		assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY", "RELEASE_INVENTORY",
				"REFUND_PAYMENT", "CANCEL_ORDER");
		assertThat(shop.product(sku).get("available").asInt()).isEqualTo(5);
	}

	/**
	 * The shipment step is short, so the test freezes the inventory service the moment it
	 * sees the saga at that step; when the shipment got out before the freeze, the order
	 * completes (cancellation came too late) and the test tries another order.
	 */
	private static final int TRIES = 30;

	@Test
	void cancellationWhileShippingCallsTheShipmentBack() {
		String customer = customer("500.00");
		String sku = product(50);
		// each try is a race with a step of a few milliseconds, lost when the shipment
		// gets out
		// between two reads of the saga: enough tries that losing all of them is not luck
		for (int attempt = 1; attempt <= TRIES; attempt++) {
			ShopClient.PlacedOrder order = place(customer, sku, 1, "DE");
			boolean caught = false;
			Instant deadline = Instant.now().plus(SAGA_TIMEOUT);
			while (Instant.now().isBefore(deadline)) {
				JsonNode saga = shop.saga(order.orderId());
				String step = (saga != null) ? saga.get("step").asString() : null;
				if ("CREATE_SHIPMENT".equals(step)) {
					this.system.pause(Service.INVENTORY);
					try {
						// 409: the shipment got out and the order was confirmed before
						// the freeze
						int status = shop.requestCancellation(order);
						assertThat(status).isIn(202, 409);
						if (status == 202) {
							JsonNode next = shop.awaitSaga(order.orderId(),
									(s) -> !"CREATE_SHIPMENT".equals(s.get("step").asString()), SAGA_TIMEOUT);
							caught = "CANCEL_SHIPMENT".equals(next.get("step").asString());
						}
					}
					finally {
						this.system.resume(Service.INVENTORY);
					}
					break;
				}
				if (saga != null && !"CHARGE_PAYMENT".equals(step) && !"RESERVE_INVENTORY".equals(step)) {
					break;
				}
			}
			JsonNode saga = awaitEnd(order);
			if (caught) {
				assertThat(saga.get("state").asString()).isEqualTo("CANCELLED");
				assertThat(ShopClient.path(saga)).containsExactly("CHARGE_PAYMENT", "RESERVE_INVENTORY",
						"CREATE_SHIPMENT", "CANCEL_SHIPMENT", "RELEASE_INVENTORY", "REFUND_PAYMENT", "CANCEL_ORDER");
				return;
			}
		}
		throw new AssertionError(
				"In " + TRIES + " orders the cancellation never arrived while the shipment was pending");
	}

	@Test
	void aStoppedPaymentServiceIsGivenUpOnAndItsLateChargeRefunded() {
		String customer = customer("100.00");
		String sku = product(5);
		this.system.stop(Service.PAYMENT);
		ShopClient.PlacedOrder order;
		try {
			order = place(customer, sku, 2, "DE");
			JsonNode saga = awaitEnd(order);
			assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
			assertThat(saga.get("failureReason").asString()).isEqualTo("PAYMENT_TIMEOUT");
		}
		finally {
			this.system.restart(Service.PAYMENT);
		}

		// back up, the payment service charges the order it missed; the saga refunds it
		JsonNode saga = shop.awaitSaga(order.orderId(),
				(s) -> "COMPENSATED".equals(s.get("effects").get("PAYMENT").asString()), SAGA_TIMEOUT);
		assertThat(saga.get("state").asString()).isEqualTo("REJECTED");
		assertThat(saga.get("history").valueStream().map((entry) -> entry.get("event").asString()))
			.anyMatch((event) -> event.startsWith("late PaymentCharged"));
		assertThat(shop.account(customer).get("balance").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void aChargeSentTwiceBecauseTheReplyWasLateChargesOnce() {
		String customer = customer("100.00");
		String sku = product(5);
		this.system.pause(Service.PAYMENT);
		ShopClient.PlacedOrder order;
		try {
			order = place(customer, sku, 2, "DE");
			shop.awaitSaga(order.orderId(),
					(s) -> "CHARGE_PAYMENT".equals(s.get("step").asString()) && s.get("attempt").asInt() == 2,
					SAGA_TIMEOUT);
		}
		finally {
			this.system.resume(Service.PAYMENT);
		}

		JsonNode saga = awaitEnd(order);
		assertThat(saga.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(shop.account(customer).get("balance").decimalValue()).isEqualByComparingTo("75.00");
	}

	/**
	 * The checker is only worth its green if it turns red: a second charge slipped into
	 * the payment store behind the service's back must be reported.
	 */
	@Test
	void theInvariantCheckerReportsADoubleCharge() throws Exception {
		String customer = customer("100.00");
		String sku = product(5);
		JsonNode saga = fulfil(customer, sku, 2, "DE");
		assertThat(saga.get("state").asString()).isEqualTo("COMPLETED");
		String orderId = this.orders.get(0);

		try (Connection payments = this.system.connect(Service.PAYMENT);
				Statement statement = payments.createStatement()) {
			statement.execute("""
					INSERT INTO event_store (stream_id, version, event_id, event_type, data, metadata)
					VALUES ('forged-%1$s', 1, gen_random_uuid(), 'PaymentCharged',
					        '{"orderId":"%1$s","amount":25.00,"currency":"EUR"}', '{}')""".formatted(orderId));
			try {
				assertThat(this.system.invariants(shop).check(this.orders, this.skus))
					.containsExactly(orderId + " (OrderConfirmed): charged minus refunded is 50.00, not 25.00");
			}
			finally {
				statement.execute("DELETE FROM event_store WHERE stream_id = 'forged-" + orderId + "'");
			}
		}
	}

	/**
	 * Places an order of one unit with {@code frozen} stopped ({@code SIGSTOP}), asks to
	 * cancel it once the saga waits at {@code step}, waits until the saga compensates
	 * with {@code compensation}, then lets the service go on.
	 * @return the saga at its end
	 */
	private JsonNode cancelWhileFrozen(Service frozen, String customer, String sku, String step, String compensation) {
		this.system.pause(frozen);
		ShopClient.PlacedOrder order;
		try {
			order = place(customer, sku, 1, "DE");
			shop.awaitSaga(order.orderId(), (s) -> step.equals(s.get("step").asString()), SAGA_TIMEOUT);
			assertThat(shop.requestCancellation(order)).isEqualTo(202);
			shop.awaitSaga(order.orderId(), (s) -> compensation.equals(s.get("step").asString()), SAGA_TIMEOUT);
		}
		finally {
			this.system.resume(frozen);
		}
		return awaitEnd(order);
	}

	private JsonNode fulfil(String customer, String sku, int quantity, String country) {
		return awaitEnd(place(customer, sku, quantity, country));
	}

	private ShopClient.PlacedOrder place(String customer, String sku, int quantity, String country) {
		ShopClient.PlacedOrder order = shop.placeOrder(customer, sku, quantity, "12.50", country);
		this.orders.add(order.orderId());
		return order;
	}

	private JsonNode awaitEnd(ShopClient.PlacedOrder order) {
		return shop.awaitSaga(order.orderId(),
				(s) -> List.of("COMPLETED", "REJECTED", "CANCELLED", "COMPENSATION_FAILED")
					.contains(s.get("state").asString()),
				SAGA_TIMEOUT);
	}

	private String customer(String balance) {
		String customer = String.format("C-%06d", IDS.incrementAndGet());
		shop.openAccount(customer, balance);
		return customer;
	}

	private String product(int stock) {
		String sku = "SYS-" + IDS.incrementAndGet();
		shop.createProduct(sku, stock);
		this.skus.add(sku);
		return sku;
	}

}
