package com.example.shop.order.query.manifest;

import java.util.List;
import java.util.Objects;

import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.Topics;
import com.example.shop.order.query.projection.Projection;
import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.projection.ReceivedEvent;
import com.example.shop.order.query.projection.UtcDay;
import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Builds one {@link ManifestEntry} per order from {@code ShipmentCreated} and
 * {@code ShipmentCancelled} on {@code inventory.events}, one upsert by order id each (the
 * inventory makes at most one shipment per order). The creation sets the shipment's
 * fields; a cancellation with a tracking number sets the earliest time it was reported
 * ({@code $min}). Neither touches the other's fields, so duplicates, redeliveries and any
 * order of arrival give the same document. A cancellation without a tracking number says
 * there was no shipment, so it leaves the manifest alone.
 */
@Component
class ShippingManifestProjection implements Projection {

	private final MongoTemplate mongo;

	ShippingManifestProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public String name() {
		return ManifestEntry.PROJECTION;
	}

	@Override
	public String collection() {
		return ManifestEntry.COLLECTION;
	}

	@Override
	public List<String> topics() {
		return List.of(Topics.INVENTORY_EVENTS);
	}

	@Override
	public void createIndexes(String collection) {
		this.mongo.indexOps(collection)
			.createIndex(new Index().on("shippedOn", Sort.Direction.ASC).on("shippedAt", Sort.Direction.ASC));
	}

	@Override
	public ViewWrite write(ReceivedEvent received) {
		ViewUpdate update = switch (received.event()) {
			case ShipmentCreated created -> new ViewUpdate().set("trackingNumber", created.trackingNumber())
				.set("destination",
						new Document("name", created.destination().name())
							.append("street", created.destination().street())
							.append("city", created.destination().city())
							.append("postalCode", created.destination().postalCode())
							.append("country", created.destination().country()))
				.set("lines",
						created.lines()
							.stream()
							.map((line) -> new Document("sku", Objects.toString(line.sku(), null)).append("quantity",
									line.quantity()))
							.toList())
				.set("shippedAt", created.shippedAt())
				.set("shippedOn", UtcDay.of(created.shippedAt()));
			case ShipmentCancelled cancelled when cancelled.trackingNumber() != null ->
				new ViewUpdate().min("cancelledAt", cancelled.cancelledAt());
			default -> null;
		};
		return (update != null) ? ViewWrite.byId(received.orderId(), update.toDocument()) : null;
	}

}
