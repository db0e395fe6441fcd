package com.example.shop.order.query.manifest;

import java.time.Instant;
import java.util.List;

/**
 * One order's shipment in the warehouse's manifest, a document in
 * {@code shipping_manifest}. Each field comes from one event and is only ever set to that
 * event's value, so the document does not depend on the order in which the events arrive
 * or on how often.
 *
 * @param id the order id
 * @param trackingNumber the carrier's tracking number
 * @param destination where it goes
 * @param lines what it carries
 * @param shippedAt when it was created ({@code ShipmentCreated})
 * @param shippedOn the UTC day of {@code shippedAt}, {@code yyyy-MM-dd}: the manifest it
 * is on
 * @param cancelledAt when it was called back ({@code ShipmentCancelled} with its tracking
 * number), {@code null} while it stands
 */
public record ManifestEntry(String id, String trackingNumber, Destination destination, List<ShippedLine> lines,
		Instant shippedAt, String shippedOn, Instant cancelledAt) {

	/** The name of the projection that builds it, in {@code /projections/{name}}. */
	public static final String PROJECTION = "shipping-manifest";

	public static final String COLLECTION = "shipping_manifest";

	/**
	 * {@code CANCELLED} once called back, else {@code CREATED}.
	 */
	public String status() {
		return (this.cancelledAt != null) ? "CANCELLED" : "CREATED";
	}

	public record Destination(String name, String street, String city, String postalCode, String country) {
	}

	public record ShippedLine(String sku, int quantity) {
	}

}
