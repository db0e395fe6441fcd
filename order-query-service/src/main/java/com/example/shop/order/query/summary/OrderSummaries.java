package com.example.shop.order.query.summary;

import java.util.List;

/**
 * Reads of the order summary view, in the collection that serves it now: the read model's
 * port, implemented in {@code adapter.persistence}.
 */
public interface OrderSummaries {

	/**
	 * The order's document, {@code null} when the view has none. A document whose
	 * {@code OrderPlaced} has not been applied is returned too
	 * ({@link OrderSummary#isPlaced()} says so).
	 */
	OrderSummary find(String orderId);

	/**
	 * One page of a customer's orders, newest first.
	 * @param status only orders in this status; {@code null} for all
	 * @param page counts from 0
	 * @param size the most orders on the page
	 */
	CustomerOrders ofCustomer(String customerId, String status, int page, int size);

	/**
	 * @param total how many orders match, on every page
	 * @param orders the page's orders
	 */
	record CustomerOrders(long total, List<OrderSummary> orders) {
	}

}
