package com.example.shop.order.query.manifest;

import java.time.LocalDate;
import java.util.List;

import com.example.shop.order.query.projection.ProjectionCatalog;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The warehouse's manifest of a UTC day: the shipments created that day, cancelled ones
 * included (their status says so), in the order they were created.
 */
@Component
public class ShippingManifest {

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	ShippingManifest(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	public List<ManifestEntry> of(LocalDate day) {
		return this.mongo.find(
				Query.query(Criteria.where("shippedOn").is(day.toString()))
					.with(Sort.by("shippedAt").and(Sort.by("_id"))),
				ManifestEntry.class, this.catalog.activeCollection(ManifestEntry.PROJECTION));
	}

}
