package com.example.shop.order.query.adapter.persistence;

import com.example.shop.order.query.projection.ProjectionCatalog;
import com.example.shop.order.query.summary.OrderSummaries;
import com.example.shop.order.query.summary.OrderSummary;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The order summaries in MongoDB: by {@code _id}, and per customer through the
 * {@code customerId, placedAt} index that the projection declares.
 */
@Component
class MongoOrderSummaries implements OrderSummaries {

	private final MongoTemplate mongo;

	private final ProjectionCatalog catalog;

	MongoOrderSummaries(MongoTemplate mongo, ProjectionCatalog catalog) {
		this.mongo = mongo;
		this.catalog = catalog;
	}

	@Override
	public OrderSummary find(String orderId) {
		return this.mongo.findById(orderId, OrderSummary.class, collection());
	}

	@Override
	public CustomerOrders ofCustomer(String customerId, String status, int page, int size) {
		Criteria criteria = Criteria.where("customerId").is(customerId);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		String collection = collection();
		long total = this.mongo.count(Query.query(criteria), collection);
		return new CustomerOrders(total,
				this.mongo.find(Query.query(criteria)
					.with(Sort.by(Sort.Direction.DESC, "placedAt"))
					.skip((long) page * size)
					.limit(size), OrderSummary.class, collection));
	}

	private String collection() {
		return this.catalog.activeCollection(OrderSummary.PROJECTION);
	}

}
