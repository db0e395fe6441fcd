package com.example.shop.order.query.summary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The customer's view of one order, a document in {@code order_summaries}: what the order
 * is (from {@code orders.events}) and what became of its payment, reservation and
 * shipment (from {@code payments.events} and {@code inventory.events}).
 * <p>
 * The three parts record each outcome that was reported, never overwriting one outcome
 * with another, and derive their status from which outcomes are there with a fixed
 * precedence. A document that exists only because a payment or inventory event came
 * before the order's {@code OrderPlaced} has {@code version} 0 and is not served.
 *
 * @param id the order id
 * @param status {@code PENDING}, {@code CANCELLATION_REQUESTED}, {@code CONFIRMED},
 * {@code REJECTED} or {@code CANCELLED}; {@code null} before {@code OrderPlaced}
 * @param updatedAt the time of the latest event applied, of any topic
 * @param version the order stream version of the last orders event applied, 0 for none
 * @param timeline the orders events applied, oldest first; see {@link #compactTimeline()}
 * for all events
 * @param payment what the payments context reported, {@code null} for nothing yet
 * @param reservation what the inventory reported on holding stock, {@code null} for
 * nothing yet
 * @param shipment what the inventory reported on shipping, {@code null} for nothing yet
 */
public record OrderSummary(String id, String customerId, String status, List<Line> lines, String currency,
		BigDecimal total, Address shippingAddress, String rejectionReason, Instant placedAt, Instant updatedAt,
		long version, List<Step> timeline, Payment payment, Reservation reservation, Shipment shipment) {

	/** The name of the projection that builds it, in {@code /projections/{name}}. */
	public static final String PROJECTION = "order-summary";

	public static final String COLLECTION = "order_summaries";

	/**
	 * Whether {@code OrderPlaced} has been applied, so that the order can be served.
	 */
	public boolean isPlaced() {
		return this.version > 0;
	}

	/**
	 * Every event of the order, oldest first: the orders events with their versions, then
	 * (at equal times) the payment, reservation and shipment outcomes in that order.
	 */
	public List<Step> compactTimeline() {
		List<Step> steps = new ArrayList<>((this.timeline != null) ? this.timeline : List.of());
		if (this.payment != null) {
			add(steps, this.payment.chargedAt(), "PaymentCharged");
			add(steps, this.payment.failedAt(), "PaymentFailed");
			add(steps, this.payment.refundedAt(), "PaymentRefunded");
		}
		if (this.reservation != null) {
			add(steps, this.reservation.reservedAt(), "InventoryReserved");
			add(steps, this.reservation.failedAt(), "InventoryReservationFailed");
			add(steps, this.reservation.releasedAt(), "InventoryReleased");
		}
		if (this.shipment != null) {
			add(steps, this.shipment.shippedAt(), "ShipmentCreated");
			add(steps, this.shipment.failedAt(), "ShipmentFailed");
			add(steps, this.shipment.cancelledAt(), "ShipmentCancelled");
		}
		// a stable sort: at equal times, the order above stands
		steps.sort(Comparator.comparing(Step::at));
		return List.copyOf(steps);
	}

	private static void add(List<Step> steps, Instant at, String event) {
		if (at != null) {
			steps.add(new Step(at, event, null));
		}
	}

	public record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	public record Address(String name, String street, String city, String postalCode, String country) {
	}

	/**
	 * One event in the timeline.
	 *
	 * @param version the order stream version of an orders event, {@code null} for a
	 * payment or inventory event
	 */
	public record Step(Instant at, String event, Long version) {
	}

	/**
	 * The order's payment: each outcome reported, with the time it was first reported.
	 *
	 * @param chargedAmount what {@code PaymentCharged} took
	 * @param currency ISO 4217 code of the amounts
	 * @param failureReason why {@code PaymentFailed}, e.g. {@code INSUFFICIENT_FUNDS}
	 * @param refundedAmount what {@code PaymentRefunded} gave back, zero when nothing had
	 * been charged
	 */
	public record Payment(BigDecimal chargedAmount, String currency, Instant chargedAt, String failureReason,
			Instant failedAt, BigDecimal refundedAmount, Instant refundedAt) {

		/**
		 * {@code REFUNDED}, else {@code CHARGED}, else {@code FAILED}: a refund ends the
		 * payment whatever came before, and a charge stands over a failure that a
		 * repeated charge command reported before it succeeded.
		 */
		public String status() {
			return (this.refundedAt != null) ? "REFUNDED" : (this.chargedAt != null) ? "CHARGED" : "FAILED";
		}

	}

	/**
	 * The order's stock reservation.
	 *
	 * @param lines what {@code InventoryReserved} holds
	 * @param failureReason why {@code InventoryReservationFailed}:
	 * {@code INSUFFICIENT_STOCK} or {@code ORDER_CLOSED}
	 * @param shortages the products that were short
	 */
	public record Reservation(List<StockLine> lines, Instant reservedAt, String failureReason, List<Shortage> shortages,
			Instant failedAt, Instant releasedAt) {

		/**
		 * {@code RELEASED}, else {@code RESERVED}, else {@code FAILED}: after a release
		 * nothing is held, whatever came before.
		 */
		public String status() {
			return (this.releasedAt != null) ? "RELEASED" : (this.reservedAt != null) ? "RESERVED" : "FAILED";
		}

	}

	/**
	 * The order's shipment.
	 *
	 * @param trackingNumber the carrier's tracking number, {@code null} when none was
	 * created
	 * @param failureReason why {@code ShipmentFailed}: {@code UNSERVED_DESTINATION} or
	 * {@code NOT_RESERVED}
	 * @param cancelledAt when {@code ShipmentCancelled} called it back (or found none)
	 */
	public record Shipment(String trackingNumber, Instant shippedAt, String failureReason, Instant failedAt,
			Instant cancelledAt) {

		/**
		 * {@code CANCELLED}, else {@code CREATED}, else {@code FAILED}.
		 */
		public String status() {
			return (this.cancelledAt != null) ? "CANCELLED" : (this.shippedAt != null) ? "CREATED" : "FAILED";
		}

	}

	public record StockLine(String sku, int quantity) {
	}

	public record Shortage(String sku, int requested, int available) {
	}

}
