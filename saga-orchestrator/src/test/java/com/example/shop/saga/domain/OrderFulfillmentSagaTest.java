package com.example.shop.saga.domain;

import java.time.Instant;
import java.util.List;

import com.example.shop.saga.domain.SagaCommand.CancelOrder;
import com.example.shop.saga.domain.SagaCommand.CancelShipment;
import com.example.shop.saga.domain.SagaCommand.ChargePayment;
import com.example.shop.saga.domain.SagaCommand.ConfirmOrder;
import com.example.shop.saga.domain.SagaCommand.CreateShipment;
import com.example.shop.saga.domain.SagaCommand.RefundPayment;
import com.example.shop.saga.domain.SagaCommand.RejectOrder;
import com.example.shop.saga.domain.SagaCommand.ReleaseInventory;
import com.example.shop.saga.domain.SagaCommand.ReserveInventory;
import com.example.shop.saga.domain.SagaReply.InventoryReleased;
import com.example.shop.saga.domain.SagaReply.InventoryReservationFailed;
import com.example.shop.saga.domain.SagaReply.InventoryReserved;
import com.example.shop.saga.domain.SagaReply.OrderCancellationRequested;
import com.example.shop.saga.domain.SagaReply.OrderCancelled;
import com.example.shop.saga.domain.SagaReply.OrderConfirmed;
import com.example.shop.saga.domain.SagaReply.OrderRejected;
import com.example.shop.saga.domain.SagaReply.PaymentCharged;
import com.example.shop.saga.domain.SagaReply.PaymentFailed;
import com.example.shop.saga.domain.SagaReply.PaymentRefunded;
import com.example.shop.saga.domain.SagaReply.ShipmentCancelled;
import com.example.shop.saga.domain.SagaReply.ShipmentCreated;
import com.example.shop.saga.domain.SagaReply.ShipmentFailed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.example.shop.saga.domain.SagaTestData.CUSTOMER_ID;
import static com.example.shop.saga.domain.SagaTestData.ORDER;
import static com.example.shop.saga.domain.SagaTestData.ORDER_ID;
import static com.example.shop.saga.domain.SagaTestData.POLICIES;
import static com.example.shop.saga.domain.SagaTestData.T0;
import static com.example.shop.saga.domain.SagaTestData.aSagaAfter;
import static com.example.shop.saga.domain.SagaTestData.aStartedSaga;
import static com.example.shop.saga.domain.SagaTestData.giveUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given a saga's state, when a reply arrives or a deadline passes, expect the commands it
 * sends and the state it is in.
 */
class OrderFulfillmentSagaTest {

	private static final Instant LATER = T0.plusSeconds(60);

	private static List<SagaCommand> when(OrderFulfillmentSaga saga, SagaReply reply) {
		return saga.handle(reply, LATER, POLICIES);
	}

	@Nested
	class HappyPath {

		@Test
		void beginsByChargingTheOrderTotal() {
			OrderFulfillmentSaga saga = OrderFulfillmentSaga.start(SagaId.newId(), ORDER_ID, ORDER, "corr-1", null, T0);

			assertThat(saga.begin(T0, POLICIES))
				.containsExactly(new ChargePayment(ORDER_ID, CUSTOMER_ID, ORDER.total(), "EUR"));
			assertThat(saga.state()).isEqualTo(SagaState.PROCESSING);
			assertThat(saga.step()).isEqualTo(Step.CHARGE_PAYMENT);
			assertThat(saga.deadline()).isEqualTo(T0.plusSeconds(5));
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.PENDING);
		}

		@Test
		void reservesTheLinesOnceCharged() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(when(saga, new PaymentCharged())).containsExactly(new ReserveInventory(ORDER_ID, ORDER.lines()));
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.DONE);
			assertThat(saga.step()).isEqualTo(Step.RESERVE_INVENTORY);
			assertThat(saga.deadline()).isEqualTo(LATER.plusSeconds(5));
		}

		@Test
		void shipsToTheOrdersDestinationOnceReserved() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged());

			assertThat(when(saga, new InventoryReserved()))
				.containsExactly(new CreateShipment(ORDER_ID, ORDER.destination()));
			assertThat(saga.step()).isEqualTo(Step.CREATE_SHIPMENT);
		}

		@Test
		void confirmsTheOrderOnceShipped() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

			assertThat(when(saga, new ShipmentCreated("TRK-1"))).containsExactly(new ConfirmOrder(ORDER_ID));
			assertThat(saga.snapshot().trackingNumber()).isEqualTo("TRK-1");
			assertThat(saga.step()).isEqualTo(Step.CONFIRM_ORDER);
		}

		@Test
		void completesWhenTheOrderIsConfirmed() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved(),
					new ShipmentCreated("TRK-1"));

			assertThat(when(saga, new OrderConfirmed())).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
			assertThat(saga.deadline()).isNull();
			assertThat(saga.snapshot().endedAt()).isEqualTo(LATER);
		}

	}

	@Nested
	class Failures {

		@Test
		void rejectsTheOrderWhenThePaymentFails() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(when(saga, new PaymentFailed("INSUFFICIENT_FUNDS")))
				.containsExactly(new RejectOrder(ORDER_ID, "INSUFFICIENT_FUNDS"));
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.FAILED);

			assertThat(when(saga, new OrderRejected())).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.REJECTED);
		}

		@Test
		void refundsThenRejectsWhenTheReservationFails() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged());

			assertThat(when(saga, new InventoryReservationFailed("INSUFFICIENT_STOCK")))
				.containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(saga.step()).isEqualTo(Step.REFUND_PAYMENT);

			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "INSUFFICIENT_STOCK"));
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.COMPENSATED);
		}

		@Test
		void releasesRefundsAndRejectsWhenTheShipmentFails() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

			assertThat(when(saga, new ShipmentFailed("UNSERVED_DESTINATION")))
				.containsExactly(new ReleaseInventory(ORDER_ID));
			assertThat(when(saga, new InventoryReleased())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "UNSERVED_DESTINATION"));
			assertThat(when(saga, new OrderRejected())).isEmpty();

			assertThat(saga.state()).isEqualTo(SagaState.REJECTED);
			assertThat(saga.effect(Effect.SHIPMENT)).isEqualTo(EffectStatus.FAILED);
			assertThat(saga.effect(Effect.RESERVATION)).isEqualTo(EffectStatus.COMPENSATED);
		}

	}

	@Nested
	class Cancellation {

		@Test
		void whilePayingRefundsWhateverTheChargeDidThenCancels() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(when(saga, new OrderCancellationRequested()))
				.containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			// the charge's own reply still arrives: the refund behind it covers it
			assertThat(when(saga, new PaymentCharged())).isEmpty();
			assertThat(saga.step()).isEqualTo(Step.REFUND_PAYMENT);

			assertThat(when(saga, new PaymentRefunded())).containsExactly(new CancelOrder(ORDER_ID));
			assertThat(when(saga, new OrderCancelled())).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
		}

		@Test
		void whileReservingReleasesAndRefundsThenCancels() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged());

			assertThat(when(saga, new OrderCancellationRequested())).containsExactly(new ReleaseInventory(ORDER_ID));
			assertThat(when(saga, new InventoryReservationFailed("INSUFFICIENT_STOCK"))).isEmpty();
			assertThat(when(saga, new InventoryReleased())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(when(saga, new PaymentRefunded())).containsExactly(new CancelOrder(ORDER_ID));
		}

		@Test
		void whileShippingCancelsTheShipmentReleasesAndRefundsThenCancels() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

			assertThat(when(saga, new OrderCancellationRequested())).containsExactly(new CancelShipment(ORDER_ID));
			assertThat(when(saga, new ShipmentCreated("TRK-1"))).isEmpty();
			assertThat(when(saga, new ShipmentCancelled())).containsExactly(new ReleaseInventory(ORDER_ID));
			assertThat(when(saga, new InventoryReleased())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(when(saga, new PaymentRefunded())).containsExactly(new CancelOrder(ORDER_ID));
			assertThat(when(saga, new OrderCancelled())).isEmpty();

			assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
			assertThat(saga.effect(Effect.SHIPMENT)).isEqualTo(EffectStatus.COMPENSATED);
		}

		@Test
		void isTooLateOnceTheOrderIsBeingConfirmed() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved(),
					new ShipmentCreated("TRK-1"));

			assertThat(when(saga, new OrderCancellationRequested())).isEmpty();
			assertThat(saga.step()).isEqualTo(Step.CONFIRM_ORDER);

			when(saga, new OrderConfirmed());
			assertThat(saga.state()).isEqualTo(SagaState.COMPLETED);
		}

		@Test
		void duringAFailuresCompensationStillRejects() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(),
					new InventoryReservationFailed("INSUFFICIENT_STOCK"));

			assertThat(when(saga, new OrderCancellationRequested())).isEmpty();
			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "INSUFFICIENT_STOCK"));
		}

	}

	@Nested
	class Deadlines {

		@Test
		void doNothingBeforeTheyPass() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(saga.deadlinePassed(saga.deadline().minusMillis(1), POLICIES)).isEmpty();
			assertThat(saga.attempt()).isEqualTo(1);
		}

		@Test
		void sendTheCommandAgainWithALongerWait() {
			OrderFulfillmentSaga saga = aStartedSaga();
			Instant deadline = saga.deadline();

			assertThat(saga.deadlinePassed(deadline, POLICIES))
				.containsExactly(new ChargePayment(ORDER_ID, CUSTOMER_ID, ORDER.total(), "EUR"));
			assertThat(saga.attempt()).isEqualTo(2);
			assertThat(saga.deadline()).isEqualTo(deadline.plusSeconds(10));
		}

		@Test
		void rejectTheOrderWhenThePaymentNeverAnswers() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(giveUp(saga)).containsExactly(new RejectOrder(ORDER_ID, "PAYMENT_TIMEOUT"));
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.TIMED_OUT);
		}

		@Test
		void refundALateChargeEvenAfterTheSagaEnded() {
			OrderFulfillmentSaga saga = aStartedSaga();
			giveUp(saga);
			when(saga, new OrderRejected());
			assertThat(saga.state()).isEqualTo(SagaState.REJECTED);

			assertThat(when(saga, new PaymentCharged())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.COMPENSATING);
			// a repeated late reply does not refund twice
			assertThat(when(saga, new PaymentCharged())).isEmpty();

			assertThat(when(saga, new PaymentRefunded())).isEmpty();
			assertThat(saga.effect(Effect.PAYMENT)).isEqualTo(EffectStatus.COMPENSATED);
			assertThat(saga.state()).isEqualTo(SagaState.REJECTED);
		}

		@Test
		void refundAndRejectWhenTheReservationNeverAnswersAndReleaseALateReservation() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged());

			assertThat(giveUp(saga)).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(when(saga, new InventoryReserved())).containsExactly(new ReleaseInventory(ORDER_ID));
			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "RESERVATION_TIMEOUT"));
		}

		@Test
		void undoAChargeReportedAfterTheChargeFailed() {
			// the first attempt failed (no account yet); the re-sent one found the
			// account
			OrderFulfillmentSaga saga = aStartedSaga();
			saga.deadlinePassed(saga.deadline(), POLICIES);
			when(saga, new PaymentFailed("UNKNOWN_ACCOUNT"));

			assertThat(when(saga, new PaymentCharged())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(saga.step()).isEqualTo(Step.REJECT_ORDER);
		}

		@Test
		void cancelALateShipment() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

			assertThat(giveUp(saga)).containsExactly(new ReleaseInventory(ORDER_ID));
			assertThat(when(saga, new ShipmentCreated("TRK-9"))).containsExactly(new CancelShipment(ORDER_ID));
			assertThat(saga.snapshot().trackingNumber()).isNull();
		}

		@Test
		void goOnWhenTheReleaseCallsBackAShipmentThatWentOutLate() {
			// the shipment timed out, then went out before the inventory saw the release:
			// the inventory answers ShipmentCancelled, then InventoryReleased
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());
			assertThat(giveUp(saga)).containsExactly(new ReleaseInventory(ORDER_ID));

			assertThat(when(saga, new ShipmentCancelled())).isEmpty();
			assertThat(saga.step()).isEqualTo(Step.RELEASE_INVENTORY);
			assertThat(when(saga, new InventoryReleased())).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "SHIPMENT_TIMEOUT"));
		}

		@Test
		void parkTheSagaWhenACompensationNeverAnswers() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(),
					new InventoryReservationFailed("INSUFFICIENT_STOCK"));

			assertThat(giveUp(saga)).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATION_FAILED);
			assertThat(saga.step()).isEqualTo(Step.REFUND_PAYMENT);
			assertThat(saga.deadline()).isNull();
		}

		@Test
		void parkTheSagaWhenTheOrderNeverConfirms() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved(),
					new ShipmentCreated("TRK-1"));

			assertThat(giveUp(saga)).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATION_FAILED);
			assertThat(saga.step()).isEqualTo(Step.CONFIRM_ORDER);
		}

	}

	@Nested
	class Retry {

		@Test
		void resumesAParkedCompensationWithFreshAttempts() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(),
					new InventoryReservationFailed("INSUFFICIENT_STOCK"));
			giveUp(saga);

			assertThat(saga.retry(LATER, POLICIES)).containsExactly(new RefundPayment(ORDER_ID, CUSTOMER_ID));
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
			assertThat(saga.attempt()).isEqualTo(1);
			assertThat(saga.deadline()).isEqualTo(LATER.plusSeconds(5));

			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "INSUFFICIENT_STOCK"));
		}

		@Test
		void resumesAParkedConfirmation() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved(),
					new ShipmentCreated("TRK-1"));
			giveUp(saga);

			assertThat(saga.retry(LATER, POLICIES)).containsExactly(new ConfirmOrder(ORDER_ID));
			assertThat(saga.state()).isEqualTo(SagaState.PROCESSING);
		}

		@Test
		void isRefusedUnlessTheSagaIsParked() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThatThrownBy(() -> saga.retry(LATER, POLICIES)).isInstanceOf(SagaStateException.class)
				.hasMessageContaining("PROCESSING");
		}

		@Test
		void aLateReplyResumesAParkedSagaByItself() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(),
					new InventoryReservationFailed("INSUFFICIENT_STOCK"));
			giveUp(saga);

			assertThat(when(saga, new PaymentRefunded()))
				.containsExactly(new RejectOrder(ORDER_ID, "INSUFFICIENT_STOCK"));
			assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
		}

	}

	@Nested
	class RepeatedAndStrayReplies {

		@Test
		void aRepeatedReplyMovesTheSagaOnce() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged());

			assertThat(when(saga, new PaymentCharged())).isEmpty();
			assertThat(saga.step()).isEqualTo(Step.RESERVE_INVENTORY);
		}

		@Test
		void aReplyForAnotherStepIsIgnored() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThat(when(saga, new InventoryReserved())).isEmpty();
			assertThat(when(saga, new OrderConfirmed())).isEmpty();
			assertThat(saga.step()).isEqualTo(Step.CHARGE_PAYMENT);
			assertThat(saga.state()).isEqualTo(SagaState.PROCESSING);
		}

		@Test
		void repliesAfterTheEndChangeNothing() {
			OrderFulfillmentSaga saga = aSagaAfter(new PaymentFailed("UNKNOWN_ACCOUNT"), new OrderRejected());

			assertThat(when(saga, new PaymentFailed("UNKNOWN_ACCOUNT"))).isEmpty();
			assertThat(when(saga, new OrderCancellationRequested())).isEmpty();
			assertThat(saga.state()).isEqualTo(SagaState.REJECTED);
		}

		@Test
		void beginsOnlyOnce() {
			OrderFulfillmentSaga saga = aStartedSaga();

			assertThatThrownBy(() -> saga.begin(LATER, POLICIES)).isInstanceOf(SagaStateException.class);
		}

	}

	@Test
	void aRestoredSagaIsTheSagaThatWasStored() {
		OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

		OrderFulfillmentSaga restored = OrderFulfillmentSaga.restore(saga.snapshot());

		assertThat(restored.snapshot()).isEqualTo(saga.snapshot());
		assertThat(restored.handle(new ShipmentCreated("TRK-1"), LATER, POLICIES))
			.isEqualTo(saga.handle(new ShipmentCreated("TRK-1"), LATER, POLICIES));
	}

	@Test
	void recordsEveryStepInItsHistory() {
		OrderFulfillmentSaga saga = aSagaAfter(new PaymentCharged(), new InventoryReserved());

		assertThat(saga.history()).extracting(HistoryEntry::event)
			.containsExactly("OrderPlaced", "sent ChargePayment", "PaymentCharged", "sent ReserveInventory",
					"InventoryReserved", "sent CreateShipment");
	}

}
