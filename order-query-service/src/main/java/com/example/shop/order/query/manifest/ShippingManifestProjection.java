package com.example.shop.order.query.manifest;

import java.util.List;
import java.util.Objects;

import com.example.shop.contracts.ShipmentCancelled;
import com.example.shop.contracts.ShipmentCreated;
import com.example.shop.contracts.Topics;
import com.example.shop.order.query.projection.Projection;
import com.example.shop.order.query.projection.ReceivedEvent;
import com.example.shop.order.query.projection.UtcDay;
import com.example.shop.order.query.projection.ViewIndex;
import com.example.shop.order.query.projection.ViewIndex.Key;
import com.example.shop.order.query.projection.ViewUpdate;
import com.example.shop.order.query.projection.ViewWrite;

import org.springframework.stereotype.Component;

import static com.example.shop.order.query.projection.ViewUpdate.document;

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
	public List<ViewIndex> indexes() {
		return List.of(ViewIndex.on(Key.ascending("shippedOn"), Key.ascending("shippedAt")));
	}

	@Override
	public ViewWrite write(ReceivedEvent received) {
		ViewUpdate update = switch (received.event()) {
			case ShipmentCreated created -> new ViewUpdate().set("trackingNumber", created.trackingNumber())
				.set("destination",
						document("name", created.destination().name(), "street", created.destination().street(), "city",
								created.destination().city(), "postalCode", created.destination().postalCode(),
								"country", created.destination().country()))
				.set("lines", created.lines()
					.stream()
					.map((line) -> document("sku", Objects.toString(line.sku(), null), "quantity", line.quantity()))
					.toList())
				.set("shippedAt", created.shippedAt())
				.set("shippedOn", UtcDay.of(created.shippedAt()));
			case ShipmentCancelled cancelled when cancelled.trackingNumber() != null ->
				new ViewUpdate().min("cancelledAt", cancelled.cancelledAt());
			default -> null;
		};
		return (update != null) ? ViewWrite.byId(received.orderId(), update) : null;
	}

}
