package com.example.shop.inventory.domain.allocation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.product.ProductEvent;

/**
 * What one saga command decided: the events for the order's allocation, the events for
 * each product's stock (by SKU, in SKU order, so that concurrent transactions append to
 * product streams in the same order), and the answer.
 *
 * @param repeated whether the answer is an earlier outcome again, with nothing new
 */
public record AllocationDecision(List<AllocationEvent> events, SortedMap<Sku, List<ProductEvent>> stock,
		AllocationOutcome outcome, boolean repeated) {

	public AllocationDecision {
		events = List.copyOf(events);
		stock = Collections.unmodifiableSortedMap(new TreeMap<>(stock));
	}

	static AllocationDecision repeat(AllocationOutcome outcome) {
		return new AllocationDecision(List.of(), new TreeMap<>(), outcome, true);
	}

	static AllocationDecision of(List<AllocationEvent> events, Map<Sku, List<ProductEvent>> stock,
			AllocationOutcome outcome) {
		return new AllocationDecision(events, new TreeMap<>(stock), outcome, false);
	}

}
