package com.example.shop.inventory.domain.allocation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationMade;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationRefused;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationReleased;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentDispatched;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentRecalled;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentRefused;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent.ShippedStockRecalled;
import com.example.shop.inventory.domain.product.ProductEvent.StockReleased;
import com.example.shop.inventory.domain.product.ProductEvent.StockReserved;
import com.example.shop.inventory.domain.product.ProductEvent.StockShipped;
import com.example.shop.inventory.domain.product.StockLevels;
import org.junit.jupiter.api.Test;

import static com.example.shop.inventory.domain.InventoryTestData.EARLIER;
import static com.example.shop.inventory.domain.InventoryTestData.NOW;
import static com.example.shop.inventory.domain.InventoryTestData.ORDER;
import static com.example.shop.inventory.domain.InventoryTestData.aProduct;
import static com.example.shop.inventory.domain.InventoryTestData.anAllocation;
import static com.example.shop.inventory.domain.InventoryTestData.applied;
import static com.example.shop.inventory.domain.InventoryTestData.destination;
import static com.example.shop.inventory.domain.InventoryTestData.line;
import static com.example.shop.inventory.domain.InventoryTestData.sku;
import static com.example.shop.inventory.domain.InventoryTestData.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given an order's allocation events and the products' stock, when a saga command, expect
 * allocation events, stock events and the answer.
 */
class OrderAllocationTest {

	private static final Set<String> SERVED = Set.of("DE", "AT", "NL", "BE", "FR");

	// reserve

	@Test
	void reservesEveryLineWhenAllAreAvailable() {
		var stock = stock(aProduct("SKU-1").withStock(5).build(), aProduct("SKU-2").withStock(1).build());

		AllocationDecision decision = new OrderAllocation().reserve(ORDER, List.of(line("SKU-1", 2), line("SKU-2", 1)),
				stock, NOW);

		assertThat(decision.events())
			.containsExactly(new ReservationMade(List.of(line("SKU-1", 2), line("SKU-2", 1)), NOW));
		assertThat(decision.stock()).isEqualTo(Map.of(sku("SKU-1"), List.of(new StockReserved(ORDER, 2)), sku("SKU-2"),
				List.of(new StockReserved(ORDER, 1))));
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.Reserved(List.of(line("SKU-1", 2), line("SKU-2", 1)), NOW));
		assertThat(decision.repeated()).isFalse();
		assertThat(after(new OrderAllocation(), decision).status()).isEqualTo(AllocationStatus.RESERVED);
	}

	@Test
	void mergesLinesOfTheSameSku() {
		var stock = stock(aProduct("SKU-1").withStock(3).build(), aProduct("SKU-2").withStock(1).build());

		AllocationDecision decision = new OrderAllocation().reserve(ORDER,
				List.of(line("SKU-1", 2), line("SKU-2", 1), line("SKU-1", 1)), stock, NOW);

		assertThat(decision.events())
			.containsExactly(new ReservationMade(List.of(line("SKU-1", 3), line("SKU-2", 1)), NOW));
		assertThat(decision.stock().get(sku("SKU-1"))).containsExactly(new StockReserved(ORDER, 3));
	}

	@Test
	void mergedLinesAreCheckedAgainstStockAsAWhole() {
		var stock = stock(aProduct("SKU-1").withStock(3).build());

		AllocationDecision decision = new OrderAllocation().reserve(ORDER, List.of(line("SKU-1", 2), line("SKU-1", 2)),
				stock, NOW);

		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ReservationFailed(
				ReservationFailure.INSUFFICIENT_STOCK, List.of(new Shortage(sku("SKU-1"), 4, 3)), NOW));
	}

	@Test
	void reservesNothingWhenOneProductIsShort() {
		var stock = stock(aProduct("SKU-1").withStock(5).build(), aProduct("SKU-2").withStock(1).build());

		AllocationDecision decision = new OrderAllocation().reserve(ORDER, List.of(line("SKU-1", 2), line("SKU-2", 2)),
				stock, NOW);

		List<Shortage> shortages = List.of(new Shortage(sku("SKU-2"), 2, 1));
		assertThat(decision.events()).containsExactly(new ReservationRefused(shortages, NOW));
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.ReservationFailed(ReservationFailure.INSUFFICIENT_STOCK, shortages, NOW));
		assertThat(after(new OrderAllocation(), decision).status()).isEqualTo(AllocationStatus.RESERVATION_FAILED);
	}

	@Test
	void anUnknownProductHasNothingAvailable() {
		AllocationDecision decision = new OrderAllocation().reserve(ORDER, List.of(line("NO-SUCH-SKU", 1)), Map.of(),
				NOW);

		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ReservationFailed(
				ReservationFailure.INSUFFICIENT_STOCK, List.of(new Shortage(sku("NO-SUCH-SKU"), 1, 0)), NOW));
	}

	@Test
	void aReservationNeedsALine() {
		assertThatThrownBy(() -> new OrderAllocation().reserve(ORDER, List.of(), Map.of(), NOW))
			.isInstanceOf(InvalidStockException.class)
			.hasMessageContaining("lines");
	}

	@Test
	void aRepeatedReservationAnswersTheFirstOutcomeWithoutReservingAgain() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).build();

		AllocationDecision decision = allocation.reserve(ORDER, List.of(line("SKU-1", 2)),
				stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.Reserved(List.of(line("SKU-1", 2)), EARLIER));
		assertThat(decision.repeated()).isTrue();
	}

	@Test
	void aRepeatedReservationThatFailedFailsAgainEvenWhenStockArrivedSince() {
		Shortage shortage = new Shortage(sku("SKU-1"), 2, 1);
		OrderAllocation allocation = anAllocation().refused(shortage).build();

		AllocationDecision decision = allocation.reserve(ORDER, List.of(line("SKU-1", 2)),
				stock(aProduct("SKU-1").withStock(1).restocked(10).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ReservationFailed(
				ReservationFailure.INSUFFICIENT_STOCK, List.of(shortage), EARLIER));
		assertThat(decision.repeated()).isTrue();
	}

	@Test
	void anOrderReleasedBeforeItReservedCanNoLongerReserve() {
		OrderAllocation allocation = anAllocation().released().build();

		AllocationDecision decision = allocation.reserve(ORDER, List.of(line("SKU-1", 1)),
				stock(aProduct("SKU-1").withStock(5).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.ReservationFailed(ReservationFailure.ORDER_CLOSED, List.of(), NOW));
	}

	@Test
	void aReservationRepeatedAfterItsReleaseStillAnswersReserved() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).released(line("SKU-1", 2)).build();

		AllocationDecision decision = allocation.reserve(ORDER, List.of(line("SKU-1", 2)),
				stock(aProduct("SKU-1").withStock(5).build()), NOW);

		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.Reserved(List.of(line("SKU-1", 2)), EARLIER));
		assertThat(decision.stock()).isEmpty();
	}

	// release

	@Test
	void releasingGivesBackWhatIsHeld() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2), line("SKU-2", 1)).build();
		var stock = stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build(),
				aProduct("SKU-2").withStock(1).reservedFor(ORDER, 1).build());

		AllocationDecision decision = allocation.release(ORDER, stock, NOW);

		assertThat(decision.events())
			.containsExactly(new ReservationReleased(List.of(line("SKU-1", 2), line("SKU-2", 1)), NOW));
		assertThat(decision.stock()).isEqualTo(Map.of(sku("SKU-1"), List.of(new StockReleased(ORDER, 2)), sku("SKU-2"),
				List.of(new StockReleased(ORDER, 1))));
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.Released(List.of(line("SKU-1", 2), line("SKU-2", 1)), NOW));
		assertThat(after(allocation, decision).status()).isEqualTo(AllocationStatus.RELEASED);
	}

	@Test
	void releasingAShippedOrderCallsTheShipmentBackFirst() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).shipped("TRK-1", "DE").build();
		Product product = aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).shippedFor(ORDER, 2).build();

		AllocationDecision decision = allocation.release(ORDER, stock(product), NOW);

		assertThat(decision.events()).containsExactly(new ShipmentRecalled("TRK-1", NOW),
				new ReservationReleased(List.of(line("SKU-1", 2)), NOW, "TRK-1"));
		assertThat(decision.stock().get(sku("SKU-1"))).containsExactly(new ShippedStockRecalled(ORDER, 2),
				new StockReleased(ORDER, 2));
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.Released(List.of(line("SKU-1", 2)), NOW, "TRK-1"));
		assertThat(applied(product, decision.stock().get(sku("SKU-1"))).levels())
			.isEqualTo(new StockLevels(5, 0, 0, 5));
	}

	@Test
	void aRepeatedReleaseOfAShippedOrderAnswersTheRecalledShipmentAgain() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).shipped("TRK-1", "DE").build();
		Product product = aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).shippedFor(ORDER, 2).build();
		OrderAllocation released = after(allocation, allocation.release(ORDER, stock(product), EARLIER));

		AllocationDecision again = released.release(ORDER, stock(product), NOW);

		assertThat(again.repeated()).isTrue();
		assertThat(again.outcome())
			.isEqualTo(new AllocationOutcome.Released(List.of(line("SKU-1", 2)), EARLIER, "TRK-1"));
	}

	@Test
	void releasingBeforeAnyReservationClosesTheOrderWithNothingGivenBack() {
		AllocationDecision decision = new OrderAllocation().release(ORDER, Map.of(), NOW);

		assertThat(decision.events()).containsExactly(new ReservationReleased(List.of(), NOW));
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.Released(List.of(), NOW));
		assertThat(after(new OrderAllocation(), decision).status()).isEqualTo(AllocationStatus.RELEASED);
	}

	@Test
	void releasingAfterAFailedReservationGivesNothingBack() {
		OrderAllocation allocation = anAllocation().refused(new Shortage(sku("SKU-1"), 2, 1)).build();

		AllocationDecision decision = allocation.release(ORDER, Map.of(), NOW);

		assertThat(decision.events()).containsExactly(new ReservationReleased(List.of(), NOW));
		assertThat(decision.stock()).isEmpty();
	}

	@Test
	void aRepeatedReleaseAnswersTheFirstOutcome() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).released(line("SKU-1", 2)).build();

		AllocationDecision decision = allocation.release(ORDER, stock(aProduct("SKU-1").withStock(5).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.Released(List.of(line("SKU-1", 2)), EARLIER));
		assertThat(decision.repeated()).isTrue();
	}

	// ship

	@Test
	void shipsWhatIsReservedToAServedCountry() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).build();
		var stock = stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build());

		AllocationDecision decision = allocation.ship(ORDER, destination("DE"), "TRK-1", SERVED, stock, NOW);

		assertThat(decision.events()).containsExactly(new ShipmentDispatched("TRK-1", destination("DE"), NOW));
		assertThat(decision.stock().get(sku("SKU-1"))).containsExactly(new StockShipped(ORDER, 2));
		assertThat(decision.outcome()).isEqualTo(
				new AllocationOutcome.ShipmentCreated("TRK-1", destination("DE"), List.of(line("SKU-1", 2)), NOW));
		assertThat(after(allocation, decision).status()).isEqualTo(AllocationStatus.SHIPPED);
	}

	@Test
	void refusesADestinationTheWarehouseDoesNotServeAndKeepsTheReservation() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).build();
		var stock = stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build());

		AllocationDecision decision = allocation.ship(ORDER, destination("US"), "TRK-1", SERVED, stock, NOW);

		assertThat(decision.events()).containsExactly(new ShipmentRefused(ShipmentFailure.UNSERVED_DESTINATION, NOW));
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.ShipmentFailed(ShipmentFailure.UNSERVED_DESTINATION, NOW));
		assertThat(after(allocation, decision).status()).isEqualTo(AllocationStatus.RESERVED);
	}

	@Test
	void aRepeatedRefusedShipmentIsRefusedAgainEvenIfTheCountryIsServedSince() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).shipmentRefused().build();

		AllocationDecision decision = allocation.ship(ORDER, destination("US"), "TRK-2", Set.of("US"),
				stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.outcome())
			.isEqualTo(new AllocationOutcome.ShipmentFailed(ShipmentFailure.UNSERVED_DESTINATION, EARLIER));
		assertThat(decision.repeated()).isTrue();
	}

	@Test
	void nothingIsShippedWithoutAReservation() {
		List<OrderAllocation> unreserved = List.of(new OrderAllocation(),
				anAllocation().refused(new Shortage(sku("SKU-1"), 1, 0)).build(), anAllocation().released().build(),
				anAllocation().reserved(line("SKU-1", 1)).released(line("SKU-1", 1)).build());

		for (OrderAllocation allocation : unreserved) {
			AllocationDecision decision = allocation.ship(ORDER, destination("DE"), "TRK-1", SERVED,
					stock(aProduct("SKU-1").withStock(5).build()), NOW);

			assertThat(decision.events()).isEmpty();
			assertThat(decision.stock()).isEmpty();
			assertThat(decision.outcome())
				.isEqualTo(new AllocationOutcome.ShipmentFailed(ShipmentFailure.NOT_RESERVED, NOW));
		}
	}

	@Test
	void aRepeatedShipmentAnswersTheFirstTrackingNumber() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).shipped("TRK-1", "DE").build();

		AllocationDecision decision = allocation.ship(ORDER, destination("DE"), "TRK-2", SERVED,
				stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).shippedFor(ORDER, 2).build()), NOW);

		assertThat(decision.events()).isEmpty();
		assertThat(decision.stock()).isEmpty();
		assertThat(decision.outcome()).isEqualTo(
				new AllocationOutcome.ShipmentCreated("TRK-1", destination("DE"), List.of(line("SKU-1", 2)), EARLIER));
	}

	// cancel shipment

	@Test
	void cancellingAShipmentPutsItsStockBackToReserved() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2)).shipped("TRK-1", "DE").build();
		Product product = aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).shippedFor(ORDER, 2).build();

		AllocationDecision decision = allocation.cancelShipment(ORDER, stock(product), NOW);

		assertThat(decision.events()).containsExactly(new ShipmentRecalled("TRK-1", NOW));
		assertThat(decision.stock().get(sku("SKU-1"))).containsExactly(new ShippedStockRecalled(ORDER, 2));
		assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ShipmentCancelled("TRK-1", NOW));
		assertThat(after(allocation, decision).status()).isEqualTo(AllocationStatus.RESERVED);
		assertThat(applied(product, decision.stock().get(sku("SKU-1"))).levels())
			.isEqualTo(new StockLevels(3, 2, 0, 5));
	}

	@Test
	void cancellingWhenThereIsNoShipmentAnswersWithoutATrackingNumber() {
		for (OrderAllocation allocation : List.of(new OrderAllocation(),
				anAllocation().reserved(line("SKU-1", 1)).build(), anAllocation().released().build())) {
			AllocationDecision decision = allocation.cancelShipment(ORDER,
					stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 1).build()), NOW);

			assertThat(decision.events()).isEmpty();
			assertThat(decision.stock()).isEmpty();
			assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ShipmentCancelled(null, NOW));
		}
	}

	@Test
	void aRepeatedCancellationAnswersTheFirstOutcome() {
		OrderAllocation cancelled = anAllocation().reserved(line("SKU-1", 2))
			.shipped("TRK-1", "DE")
			.shipmentRecalled("TRK-1")
			.build();
		OrderAllocation releasedAfterShipping = anAllocation().reserved(line("SKU-1", 2))
			.shipped("TRK-1", "DE")
			.shipmentRecalled("TRK-1")
			.released(line("SKU-1", 2))
			.build();

		for (OrderAllocation allocation : List.of(cancelled, releasedAfterShipping)) {
			AllocationDecision decision = allocation.cancelShipment(ORDER,
					stock(aProduct("SKU-1").withStock(5).build()), NOW);

			assertThat(decision.events()).isEmpty();
			assertThat(decision.stock()).isEmpty();
			assertThat(decision.outcome()).isEqualTo(new AllocationOutcome.ShipmentCancelled("TRK-1", EARLIER));
			assertThat(decision.repeated()).isTrue();
		}
	}

	@Test
	void aCancelledShipmentCanBeReleased() {
		OrderAllocation allocation = anAllocation().reserved(line("SKU-1", 2))
			.shipped("TRK-1", "DE")
			.shipmentRecalled("TRK-1")
			.build();

		AllocationDecision decision = allocation.release(ORDER,
				stock(aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build()), NOW);

		assertThat(decision.events()).containsExactly(new ReservationReleased(List.of(line("SKU-1", 2)), NOW));
		assertThat(decision.stock().get(sku("SKU-1"))).containsExactly(new StockReleased(ORDER, 2));
	}

	@Test
	void aFullCycleLeavesEveryUnitAccountedFor() {
		Product mug = aProduct("MUG").withStock(4).build();
		Product tea = aProduct("TEA").withStock(9).build();
		OrderAllocation allocation = new OrderAllocation();

		allocation = step(allocation,
				allocation.reserve(ORDER, List.of(line("MUG", 1), line("TEA", 3)), stock(mug, tea), NOW), mug, tea);
		assertThat(mug.levels()).isEqualTo(new StockLevels(3, 1, 0, 4));
		allocation = step(allocation, allocation.ship(ORDER, destination("NL"), "TRK-9", SERVED, stock(mug, tea), NOW),
				mug, tea);
		assertThat(tea.levels()).isEqualTo(new StockLevels(6, 0, 3, 9));
		allocation = step(allocation, allocation.cancelShipment(ORDER, stock(mug, tea), NOW), mug, tea);
		assertThat(tea.levels()).isEqualTo(new StockLevels(6, 3, 0, 9));
		allocation = step(allocation, allocation.release(ORDER, stock(mug, tea), NOW), mug, tea);

		assertThat(allocation.status()).isEqualTo(AllocationStatus.RELEASED);
		assertThat(mug.levels()).isEqualTo(new StockLevels(4, 0, 0, 4));
		assertThat(tea.levels()).isEqualTo(new StockLevels(9, 0, 0, 9));
	}

	private static OrderAllocation step(OrderAllocation allocation, AllocationDecision decision, Product... products) {
		for (Product product : products) {
			applied(product, decision.stock().getOrDefault(product.sku(), List.of()));
		}
		return after(allocation, decision);
	}

	private static OrderAllocation after(OrderAllocation allocation, AllocationDecision decision) {
		decision.events().forEach(allocation::apply);
		return allocation;
	}

}
