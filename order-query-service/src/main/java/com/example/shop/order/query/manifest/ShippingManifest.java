package com.example.shop.order.query.manifest;

import java.time.LocalDate;
import java.util.List;

/**
 * The warehouse's manifest of a UTC day: the shipments created that day, cancelled ones
 * included (their status says so), in the order they were created, from the collection
 * that serves the view now. The read model's port, implemented in
 * {@code adapter.persistence}.
 */
public interface ShippingManifest {

	List<ManifestEntry> of(LocalDate day);

}
