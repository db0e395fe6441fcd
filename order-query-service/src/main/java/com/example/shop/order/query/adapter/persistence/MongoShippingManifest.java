package com.example.shop.order.query.adapter.persistence;

import java.time.LocalDate;
import java.util.List;

import com.example.shop.order.query.manifest.ManifestEntry;
import com.example.shop.order.query.manifest.ShippingManifest;
import com.example.shop.order.query.projection.ProjectionCatalog;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The manifest in MongoDB: a day's entries through the {@code shippedOn, shippedAt} index
 * that the projection declares, the order id breaking ties.
 */
@Component
class MongoShippingManifest implements ShippingManifest {

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	MongoShippingManifest(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	@Override
	public List<ManifestEntry> of(LocalDate day) {
		return this.mongo.find(
				Query.query(Criteria.where("shippedOn").is(day.toString()))
					.with(Sort.by("shippedAt").and(Sort.by("_id"))),
				ManifestEntry.class, this.catalog.activeCollection(ManifestEntry.PROJECTION));
	}

}
