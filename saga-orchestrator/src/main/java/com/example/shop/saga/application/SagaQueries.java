package com.example.shop.saga.application;

import java.util.List;

import com.example.shop.saga.domain.OrderFulfillmentSaga;
import com.example.shop.saga.domain.OrderId;
import com.example.shop.saga.domain.SagaId;
import com.example.shop.saga.domain.SagaState;

/**
 * Reads sagas for people: one by id, or a page of them.
 */
public class SagaQueries {

	private final SagaStore store;

	public SagaQueries(SagaStore store) {
		this.store = store;
	}

	/**
	 * @throws SagaNotFoundException when there is no such saga
	 */
	public OrderFulfillmentSaga.Snapshot get(SagaId id) {
		return this.store.find(id).orElseThrow(() -> new SagaNotFoundException("id " + id));
	}

	public Page search(OrderId orderId, SagaState state, int page, int size) {
		return new Page(this.store.search(orderId, state, page, size), page, size, this.store.count(orderId, state));
	}

	public record Page(List<OrderFulfillmentSaga.Snapshot> sagas, int page, int size, long total) {

	}

}
