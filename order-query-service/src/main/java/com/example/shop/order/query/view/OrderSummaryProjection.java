package com.example.shop.order.query.view;

import java.time.Instant;

import com.example.shop.contracts.orders.OrderCancellationRequested;
import com.example.shop.contracts.orders.OrderCancelled;
import com.example.shop.contracts.orders.OrderConfirmed;
import com.example.shop.contracts.orders.OrderPlaced;
import com.example.shop.contracts.orders.OrderRejected;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds {@link OrderSummary} documents from the orders context's events. Each change is
 * one conditional upsert on {@code version < event version}: a duplicate or stale event
 * matches nothing (and its attempt to insert a second document with the same id is
 * refused), so applying the same events any number of times, in stream order, gives the
 * same document as applying each once. No multi-document transaction is needed.
 */
@Component
public class OrderSummaryProjection {

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	public OrderSummaryProjection(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	/**
	 * Applies one event at its order stream version to the collection that serves the
	 * view now.
	 * @return whether the view changed ({@code false} for a duplicate or stale event)
	 */
	public boolean apply(Object event, long version) {
		return apply(event, version, this.catalog.activeCollection(ProjectionCatalog.ORDER_SUMMARY));
	}

	/**
	 * Applies one event at its order stream version to the given collection (a rebuild's
	 * target).
	 */
	public boolean apply(Object event, long version, String collection) {
		return switch (event) {
			case OrderPlaced placed ->
				change(collection, placed.orderId(), version, placed.placedAt(), "OrderPlaced",
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
			case OrderConfirmed confirmed -> change(collection, confirmed.orderId(), version, confirmed.confirmedAt(),
					"OrderConfirmed", new Update().set("status", "CONFIRMED"));
			case OrderRejected rejected -> change(collection, rejected.orderId(), version, rejected.rejectedAt(),
					"OrderRejected", new Update().set("status", "REJECTED").set("rejectionReason", rejected.reason()));
			case OrderCancellationRequested requested ->
				change(collection, requested.orderId(), version, requested.requestedAt(), "OrderCancellationRequested",
						new Update().set("status", "CANCELLATION_REQUESTED"));
			case OrderCancelled cancelled -> change(collection, cancelled.orderId(), version, cancelled.cancelledAt(),
					"OrderCancelled", new Update().set("status", "CANCELLED"));
			default -> throw new IllegalArgumentException("Not an orders event: " + event.getClass().getName());
		};
	}

	private boolean change(String collection, String orderId, long version, Instant at, String event, Update update) {
		Query newer = Query.query(Criteria.where("_id").is(orderId).and("version").lt(version));
		update.set("version", version).set("updatedAt", at).push("timeline", new OrderSummary.Step(at, event, version));
		try {
			var result = this.mongo.upsert(newer, update, collection);
			return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			// the document is at this version or later already
			return false;
		}
	}

}
