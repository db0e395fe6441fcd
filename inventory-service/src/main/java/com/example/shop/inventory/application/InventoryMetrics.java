package com.example.shop.inventory.application;

import java.util.Locale;

import com.example.shop.inventory.domain.allocation.AllocationDecision;
import com.example.shop.inventory.domain.allocation.AllocationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators watch:
 * <ul>
 * <li>{@code inventory.reservations} by {@code outcome}: {@code reserved},
 * {@code insufficient_stock}, {@code order_closed};</li>
 * <li>{@code inventory.shipments} by {@code outcome}: {@code created},
 * {@code unserved_destination}, {@code not_reserved}, {@code cancelled};</li>
 * <li>{@code inventory.releases}: orders whose stock was given back;</li>
 * <li>{@code inventory.commands.repeated}: commands answered with their first outcome
 * again (the saga re-sent them).</li>
 * </ul>
 * Each decision is counted once, when it is made; a repeated command only counts as
 * repeated.
 */
public class InventoryMetrics {

	private final MeterRegistry meters;

	private final Counter releases;

	private final Counter repeated;

	public InventoryMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.releases = Counter.builder("inventory.releases")
			.description("Orders whose held stock was given back")
			.register(meters);
		this.repeated = Counter.builder("inventory.commands.repeated")
			.description("Saga commands answered with their first outcome again")
			.register(meters);
	}

	void decided(AllocationDecision decision) {
		if (decision.repeated()) {
			this.repeated.increment();
			return;
		}
		switch (decision.outcome()) {
			case AllocationOutcome.Reserved reserved -> reservations("reserved");
			case AllocationOutcome.ReservationFailed failed ->
				reservations(failed.reason().name().toLowerCase(Locale.ROOT));
			case AllocationOutcome.Released released -> this.releases.increment();
			case AllocationOutcome.ShipmentCreated created -> shipments("created");
			case AllocationOutcome.ShipmentFailed failed -> shipments(failed.reason().name().toLowerCase(Locale.ROOT));
			case AllocationOutcome.ShipmentCancelled cancelled -> shipments("cancelled");
		}
	}

	private void reservations(String outcome) {
		Counter.builder("inventory.reservations")
			.description("Reservation decisions by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

	private void shipments(String outcome) {
		Counter.builder("inventory.shipments")
			.description("Shipment decisions by outcome")
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
