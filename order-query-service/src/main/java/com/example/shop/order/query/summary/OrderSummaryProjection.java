package com.example.shop.order.query.summary;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.example.shop.contracts.InventoryReleased;
import com.example.shop.contracts.InventoryReservationFailed;
import com.example.shop.contracts.InventoryReserved;
import com.example.shop.contracts.MessageTypes;
import com.example.shop.contracts.OrderCancellationRequested;
import com.example.shop.contracts.OrderCancelled;
import com.example.shop.contracts.OrderConfirmed;
import com.example.shop.contracts.OrderEvent;
import com.example.shop.contracts.OrderPlaced;
import com.example.shop.contracts.OrderRejected;
import com.example.shop.contracts.PaymentCharged;
import com.example.shop.contracts.PaymentFailed;
import com.example.shop.contracts.PaymentRefunded;
import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.ShipmentFailed;
import com.example.shop.contracts.Topics;
import com.example.shop.order.query.projection.Projection;
import com.example.shop.order.query.projection.ReceivedEvent;
import com.example.shop.order.query.projection.ViewIndex;
import com.example.shop.order.query.projection.ViewIndex.Key;
import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;

import org.springframework.stereotype.Component;

import static com.example.shop.order.query.projection.ViewUpdate.document;

/**
 * Builds {@link OrderSummary} documents from the events of all three contexts, with
 * single-document updates only (no multi-document transaction), as {@link ViewUpdate}s
 * whose field names are those of {@link OrderSummary}, so that the store maps them back
 * when the view is read.
 * <ul>
 * <li><b>Orders events</b> carry the order's stream version: each is one conditional
 * upsert on {@code version < event version}, so a duplicate or stale event matches
 * nothing and changes nothing; they arrive in stream order per order (key = order
 * id).</li>
 * <li><b>Payments and inventory events</b> carry no version, and arrive in no particular
 * order relative to the orders events. Each records only its own outcome in its part
 * ({@code payment}, {@code reservation}, {@code shipment}): its fields with {@code $set},
 * its time with {@code $min} (the first report wins when a participant repeats an outcome
 * with a new time). No event overwrites another's fields and the status is derived from
 * which outcomes are recorded (see {@link OrderSummary.Payment}), so applying them in any
 * order, any number of times, gives the document of applying each once.</li>
 * <li>A payments or inventory event for an order whose {@code OrderPlaced} has not been
 * applied creates the document at {@code version} 0, which reads treat as unknown;
 * {@code OrderPlaced} then fills in the order around what is recorded.</li>
 * </ul>
 * {@code updatedAt} is the latest event time seen ({@code $max}), also independent of the
 * order of arrival.
 */
@Component
class OrderSummaryProjection implements Projection {

	@Override
	public String name() {
		return OrderSummary.PROJECTION;
	}

	@Override
	public String collection() {
		return OrderSummary.COLLECTION;
	}

	@Override
	public List<String> topics() {
		return List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS);
	}

	@Override
	public List<ViewIndex> indexes() {
		return List.of(ViewIndex.on(Key.ascending("customerId"), Key.descending("placedAt")));
	}

	@Override
	public ViewWrite write(ReceivedEvent received) {
		String id = received.orderId();
		return switch (received.event()) {
			case OrderPlaced placed ->
				change(placed, received.version(), placed.placedAt(), new ViewUpdate()
					.set("customerId", Objects.toString(placed.customerId(), null))
					.set("status", "PENDING")
					.set("lines",
							placed.lines()
								.stream()
								.map((line) -> document("sku", Objects.toString(line.sku(), null), "quantity",
										line.quantity(), "unitPrice", line.unitPrice()))
								.toList())
					.set("currency", placed.currency())
					.set("total", placed.total())
					.set("shippingAddress", document("name", placed.recipient(), "street",
							placed.shippingAddress().street(), "city", placed.shippingAddress().city(), "postalCode",
							placed.shippingAddress().postalCode(), "country", placed.shippingAddress().country()))
					.set("placedAt", placed.placedAt()));
			case OrderConfirmed confirmed -> change(confirmed, received.version(), confirmed.confirmedAt(),
					new ViewUpdate().set("status", "CONFIRMED"));
			case OrderRejected rejected -> change(rejected, received.version(), rejected.rejectedAt(),
					new ViewUpdate().set("status", "REJECTED").set("rejectionReason", rejected.reason()));
			case OrderCancellationRequested requested -> change(requested, received.version(), requested.requestedAt(),
					new ViewUpdate().set("status", "CANCELLATION_REQUESTED"));
			case OrderCancelled cancelled -> change(cancelled, received.version(), cancelled.cancelledAt(),
					new ViewUpdate().set("status", "CANCELLED"));
			case PaymentCharged charged -> record(id, charged.chargedAt(),
					new ViewUpdate().set("payment.chargedAmount", charged.amount())
						.set("payment.currency", charged.currency())
						.min("payment.chargedAt", charged.chargedAt()));
			case PaymentFailed failed ->
				record(id, failed.failedAt(), new ViewUpdate().set("payment.failureReason", failed.reason())
					.min("payment.failedAt", failed.failedAt()));
			case PaymentRefunded refunded -> {
				ViewUpdate update = new ViewUpdate().set("payment.refundedAmount", refunded.amount())
					.min("payment.refundedAt", refunded.refundedAt());
				if (refunded.currency() != null) {
					update.set("payment.currency", refunded.currency());
				}
				yield record(id, refunded.refundedAt(), update);
			}
			case InventoryReserved reserved -> record(id, reserved.reservedAt(),
					new ViewUpdate()
						.set("reservation.lines",
								reserved.lines()
									.stream()
									.map((line) -> document("sku", Objects.toString(line.sku(), null), "quantity",
											line.quantity()))
									.toList())
						.min("reservation.reservedAt", reserved.reservedAt()));
			case InventoryReservationFailed failed -> record(id, failed.failedAt(),
					new ViewUpdate().set("reservation.failureReason", failed.reason())
						.set("reservation.shortages",
								failed.shortages()
									.stream()
									.map((shortage) -> document("sku", Objects.toString(shortage.sku(), null),
											"requested", shortage.requested(), "available", shortage.available()))
									.toList())
						.min("reservation.failedAt", failed.failedAt()));
			case InventoryReleased released -> record(id, released.releasedAt(),
					new ViewUpdate().min("reservation.releasedAt", released.releasedAt()));
			case ShipmentCreated created -> record(id, created.shippedAt(),
					new ViewUpdate().set("shipment.trackingNumber", created.trackingNumber())
						.min("shipment.shippedAt", created.shippedAt()));
			case ShipmentFailed failed ->
				record(id, failed.failedAt(), new ViewUpdate().set("shipment.failureReason", failed.reason())
					.min("shipment.failedAt", failed.failedAt()));
			case ShipmentCancelled cancelled -> {
				ViewUpdate update = new ViewUpdate().min("shipment.cancelledAt", cancelled.cancelledAt());
				if (cancelled.trackingNumber() != null) {
					update.set("shipment.trackingNumber", cancelled.trackingNumber());
				}
				yield record(id, cancelled.cancelledAt(), update);
			}
		};
	}

	/**
	 * An orders event: applied only over an older version of the document.
	 */
	private static ViewWrite change(OrderEvent event, long version, Instant at, ViewUpdate update) {
		String orderId = event.orderId().value();
		update.set("version", version)
			.max("updatedAt", at)
			.push("timeline", document("at", at, "event", MessageTypes.of(event).name(), "version", version));
		return ViewWrite.ifVersionBelow(orderId, version, update);
	}

	/**
	 * A payments or inventory outcome: recorded whatever else the document holds.
	 */
	private static ViewWrite record(String orderId, Instant at, ViewUpdate update) {
		update.max("updatedAt", at).setOnInsert("version", 0L);
		return ViewWrite.byId(orderId, update);
	}

}
