package com.example.shop.order.query.view;

import java.time.Instant;
import java.util.List;

import com.example.shop.contracts.Topics;
import com.example.shop.contracts.inventory.InventoryReleased;
import com.example.shop.contracts.inventory.InventoryReservationFailed;
import com.example.shop.contracts.inventory.InventoryReserved;
import com.example.shop.contracts.inventory.ShipmentCancelled;
import com.example.shop.contracts.inventory.ShipmentCreated;
import com.example.shop.contracts.inventory.ShipmentFailed;
import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;
import com.example.shop.contracts.payments.PaymentCharged;
import com.example.shop.contracts.payments.PaymentFailed;
import com.example.shop.contracts.payments.PaymentRefunded;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds {@link OrderSummary} documents from the events of all three contexts, with
 * single-document updates only (no multi-document transaction).
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

	private final MongoTemplate mongo;

	OrderSummaryProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return ProjectionCatalog.ORDER_SUMMARY;
	}

	@Override
	public List<String> topics() {
		return List.of(Topics.ORDERS_EVENTS, Topics.PAYMENTS_EVENTS, Topics.INVENTORY_EVENTS);
	}

	@Override
	public void createIndexes(String collection) {
		this.mongo.indexOps(collection)
			.createIndex(new Index().on("customerId", Sort.Direction.ASC).on("placedAt", Sort.Direction.DESC));
	}

	@Override
	public boolean apply(ReceivedEvent received, String collection) {
		String id = received.orderId();
		switch (received.event()) {
			case OrderPlaced placed ->
				change(collection, id, received.version(), placed.placedAt(), "OrderPlaced",
						new Update().set("customerId", placed.customerId())
							.set("status", "PENDING")
							.set("lines", placed.lines()
								.stream()
								.map((line) -> new OrderSummary.Line(line.sku(), line.quantity(), line.unitPrice()))
								.toList())
							.set("currency", placed.currency())
							.set("total", placed.total())
							.set("shippingAddress",
									new OrderSummary.Address(placed.shippingAddress().name(),
											placed.shippingAddress().street(), placed.shippingAddress().city(),
											placed.shippingAddress().postalCode(), placed.shippingAddress().country()))
							.set("placedAt", placed.placedAt()));
			case OrderConfirmed confirmed -> change(collection, id, received.version(), confirmed.confirmedAt(),
					"OrderConfirmed", new Update().set("status", "CONFIRMED"));
			case OrderRejected rejected -> change(collection, id, received.version(), rejected.rejectedAt(),
					"OrderRejected", new Update().set("status", "REJECTED").set("rejectionReason", rejected.reason()));
			case OrderCancellationRequested requested ->
				change(collection, id, received.version(), requested.requestedAt(), "OrderCancellationRequested",
						new Update().set("status", "CANCELLATION_REQUESTED"));
			case OrderCancelled cancelled -> change(collection, id, received.version(), cancelled.cancelledAt(),
					"OrderCancelled", new Update().set("status", "CANCELLED"));
			case PaymentCharged charged -> record(collection, id, charged.chargedAt(),
					new Update().set("payment.chargedAmount", charged.amount())
						.set("payment.currency", charged.currency())
						.min("payment.chargedAt", charged.chargedAt()));
			case PaymentFailed failed ->
				record(collection, id, failed.failedAt(), new Update().set("payment.failureReason", failed.reason())
					.min("payment.failedAt", failed.failedAt()));
			case PaymentRefunded refunded -> {
				Update update = new Update().set("payment.refundedAmount", refunded.amount())
					.min("payment.refundedAt", refunded.refundedAt());
				if (refunded.currency() != null) {
					update.set("payment.currency", refunded.currency());
				}
				record(collection, id, refunded.refundedAt(), update);
			}
			case InventoryReserved reserved -> record(collection, id, reserved.reservedAt(),
					new Update()
						.set("reservation.lines",
								reserved.lines()
									.stream()
									.map((line) -> new OrderSummary.StockLine(line.sku(), line.quantity()))
									.toList())
						.min("reservation.reservedAt", reserved.reservedAt()));
			case InventoryReservationFailed failed -> record(collection, id, failed.failedAt(),
					new Update().set("reservation.failureReason", failed.reason())
						.set("reservation.shortages",
								failed.shortages()
									.stream()
									.map((s) -> new OrderSummary.Shortage(s.sku(), s.requested(), s.available()))
									.toList())
						.min("reservation.failedAt", failed.failedAt()));
			case InventoryReleased released -> record(collection, id, released.releasedAt(),
					new Update().min("reservation.releasedAt", released.releasedAt()));
			case ShipmentCreated created -> record(collection, id, created.shippedAt(),
					new Update().set("shipment.trackingNumber", created.trackingNumber())
						.min("shipment.shippedAt", created.shippedAt()));
			case ShipmentFailed failed ->
				record(collection, id, failed.failedAt(), new Update().set("shipment.failureReason", failed.reason())
					.min("shipment.failedAt", failed.failedAt()));
			case ShipmentCancelled cancelled -> {
				Update update = new Update().min("shipment.cancelledAt", cancelled.cancelledAt());
				if (cancelled.trackingNumber() != null) {
					update.set("shipment.trackingNumber", cancelled.trackingNumber());
				}
				record(collection, id, cancelled.cancelledAt(), update);
			}
			default -> throw new IllegalArgumentException(
					"Not an event of the order summary: " + received.event().getClass().getName());
		}
		return true;
	}

	/**
	 * An orders event: applied only over an older version of the document.
	 */
	private void change(String collection, String orderId, long version, Instant at, String event, Update update) {
		update.set("version", version).max("updatedAt", at).push("timeline", new OrderSummary.Step(at, event, version));
		Upserts.conditionally(this.mongo, collection,
				Query.query(Criteria.where("_id").is(orderId).and("version").lt(version)), update);
	}

	/**
	 * A payments or inventory outcome: recorded whatever else the document holds.
	 */
	private void record(String collection, String orderId, Instant at, Update update) {
		update.max("updatedAt", at).setOnInsert("version", 0L);
		Upserts.byId(this.mongo, collection, orderId, update);
	}

}
