package com.example.shop.inventory.domain.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.inventory.domain.StockStateException;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationMade;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationRefused;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ReservationReleased;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentDispatched;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentRecalled;
import com.example.shop.inventory.domain.allocation.AllocationEvent.ShipmentRefused;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;
import com.example.shop.platform.eventing.aggregate.Aggregate;

/**
 * What the inventory holds for one order, and its shipment: the aggregate that makes the
 * saga's commands idempotent per order and its compensations total. A command decides
 * once; repeated (possibly with a new message id, when the saga re-sends on timeout), it
 * changes nothing and answers the first outcome again.
 * <ul>
 * <li>{@link #reserve}: all lines or none, across products;</li>
 * <li>{@link #release}: gives back what is held, calling a shipment back first; with
 * nothing held it closes the order, so a later reservation fails with
 * {@code ORDER_CLOSED};</li>
 * <li>{@link #ship}: reserved → shipped, to a served country only;</li>
 * <li>{@link #cancelShipment}: shipped → reserved; with no shipment, an answer without a
 * tracking number.</li>
 * </ul>
 * Each decision reads and moves the stock of the {@link Product}s involved, given by SKU;
 * a product missing from the map is unknown, with nothing available.
 */
public final class OrderAllocation implements Aggregate<AllocationEvent> {

	private AllocationStatus status = AllocationStatus.NONE;

	private List<SkuQuantity> lines = List.of();

	private Instant reservedAt;

	private List<Shortage> shortages;

	private Instant reservationRefusedAt;

	private String trackingNumber;

	private Destination destination;

	private Instant shippedAt;

	private ShipmentFailure shipmentRefusal;

	private Instant shipmentRefusedAt;

	private Instant shipmentCancelledAt;

	private List<SkuQuantity> releasedLines;

	private String releaseRecalledShipment;

	private Instant releasedAt;

	/**
	 * Reserves every line (duplicate SKUs merged) or, if any product is short, none.
	 * @throws InvalidStockException when there is no line
	 */
	public AllocationDecision reserve(OrderId orderId, List<SkuQuantity> requested, Map<Sku, Product> products,
			Instant now) {
		if (this.reservedAt != null) {
			return AllocationDecision.repeat(new AllocationOutcome.Reserved(this.lines, this.reservedAt));
		}
		if (this.reservationRefusedAt != null) {
			return AllocationDecision.repeat(new AllocationOutcome.ReservationFailed(
					ReservationFailure.INSUFFICIENT_STOCK, this.shortages, this.reservationRefusedAt));
		}
		if (this.status == AllocationStatus.RELEASED) {
			return AllocationDecision.of(List.of(), Map.of(),
					new AllocationOutcome.ReservationFailed(ReservationFailure.ORDER_CLOSED, List.of(), now));
		}
		List<SkuQuantity> merged = SkuQuantity.merge(requested);
		List<Shortage> missing = new ArrayList<>();
		for (SkuQuantity line : merged) {
			Product product = products.get(line.sku());
			int available = (product != null && product.exists()) ? product.available() : 0;
			if (line.quantity() > available) {
				missing.add(new Shortage(line.sku(), line.quantity(), available));
			}
		}
		if (!missing.isEmpty()) {
			return AllocationDecision.of(List.of(new ReservationRefused(List.copyOf(missing), now)), Map.of(),
					new AllocationOutcome.ReservationFailed(ReservationFailure.INSUFFICIENT_STOCK, List.copyOf(missing),
							now));
		}
		return AllocationDecision.of(List.of(new ReservationMade(merged, now)),
				move(merged, products, (product, quantity) -> product.reserve(orderId, quantity)),
				new AllocationOutcome.Reserved(merged, now));
	}

	/**
	 * Gives back what is held: a shipment is called back first (shipped → reserved →
	 * available). With nothing held, records a release without lines, which closes the
	 * order.
	 */
	public AllocationDecision release(OrderId orderId, Map<Sku, Product> products, Instant now) {
		return switch (this.status) {
			case RELEASED -> AllocationDecision.repeat(
					new AllocationOutcome.Released(this.releasedLines, this.releasedAt, this.releaseRecalledShipment));
			case NONE, RESERVATION_FAILED -> AllocationDecision.of(List.of(new ReservationReleased(List.of(), now)),
					Map.of(), new AllocationOutcome.Released(List.of(), now));
			case RESERVED -> AllocationDecision.of(List.of(new ReservationReleased(this.lines, now)),
					move(this.lines, products, (product, quantity) -> product.release(orderId, quantity)),
					new AllocationOutcome.Released(this.lines, now));
			case SHIPPED -> AllocationDecision.of(
					List.of(new ShipmentRecalled(this.trackingNumber, now),
							new ReservationReleased(this.lines, now, this.trackingNumber)),
					move(this.lines, products, (product, quantity) -> product.recallAndRelease(orderId, quantity)),
					new AllocationOutcome.Released(this.lines, now, this.trackingNumber));
		};
	}

	/**
	 * Ships what is reserved to a served country.
	 * @param trackingNumber the tracking number a new shipment gets
	 * @param servedCountries the ISO 3166-1 alpha-2 codes of the countries the warehouse
	 * ships to
	 */
	public AllocationDecision ship(OrderId orderId, Destination destination, String trackingNumber,
			Set<String> servedCountries, Map<Sku, Product> products, Instant now) {
		if (this.shippedAt != null) {
			return AllocationDecision.repeat(new AllocationOutcome.ShipmentCreated(this.trackingNumber,
					this.destination, this.lines, this.shippedAt));
		}
		if (this.shipmentRefusedAt != null) {
			return AllocationDecision
				.repeat(new AllocationOutcome.ShipmentFailed(this.shipmentRefusal, this.shipmentRefusedAt));
		}
		if (this.status != AllocationStatus.RESERVED) {
			return AllocationDecision.of(List.of(), Map.of(),
					new AllocationOutcome.ShipmentFailed(ShipmentFailure.NOT_RESERVED, now));
		}
		if (!servedCountries.contains(destination.country())) {
			return AllocationDecision.of(List.of(new ShipmentRefused(ShipmentFailure.UNSERVED_DESTINATION, now)),
					Map.of(), new AllocationOutcome.ShipmentFailed(ShipmentFailure.UNSERVED_DESTINATION, now));
		}
		return AllocationDecision.of(List.of(new ShipmentDispatched(trackingNumber, destination, now)),
				move(this.lines, products, (product, quantity) -> product.ship(orderId, quantity)),
				new AllocationOutcome.ShipmentCreated(trackingNumber, destination, this.lines, now));
	}

	/**
	 * Calls the shipment back: shipped → reserved. Without a shipment there is nothing to
	 * do, and the answer has no tracking number.
	 */
	public AllocationDecision cancelShipment(OrderId orderId, Map<Sku, Product> products, Instant now) {
		if (this.shipmentCancelledAt != null) {
			return AllocationDecision
				.repeat(new AllocationOutcome.ShipmentCancelled(this.trackingNumber, this.shipmentCancelledAt));
		}
		if (this.status != AllocationStatus.SHIPPED) {
			return AllocationDecision.of(List.of(), Map.of(), new AllocationOutcome.ShipmentCancelled(null, now));
		}
		return AllocationDecision.of(List.of(new ShipmentRecalled(this.trackingNumber, now)),
				move(this.lines, products, (product, quantity) -> product.recall(orderId, quantity)),
				new AllocationOutcome.ShipmentCancelled(this.trackingNumber, now));
	}

	private static Map<Sku, List<ProductEvent>> move(List<SkuQuantity> lines, Map<Sku, Product> products,
			BiFunction<Product, Integer, List<ProductEvent>> movement) {
		Map<Sku, List<ProductEvent>> events = new LinkedHashMap<>();
		for (SkuQuantity line : lines) {
			Product product = products.get(line.sku());
			if (product == null) {
				throw new StockStateException("Product " + line.sku() + " is needed to move its stock");
			}
			events.put(line.sku(), movement.apply(product, line.quantity()));
		}
		return events;
	}

	@Override
	public void apply(AllocationEvent event) {
		switch (event) {
			case ReservationMade made -> {
				this.status = AllocationStatus.RESERVED;
				this.lines = made.lines();
				this.reservedAt = made.reservedAt();
			}
			case ReservationRefused refused -> {
				this.status = AllocationStatus.RESERVATION_FAILED;
				this.shortages = refused.shortages();
				this.reservationRefusedAt = refused.refusedAt();
			}
			case ShipmentDispatched dispatched -> {
				this.status = AllocationStatus.SHIPPED;
				this.trackingNumber = dispatched.trackingNumber();
				this.destination = dispatched.destination();
				this.shippedAt = dispatched.dispatchedAt();
			}
			case ShipmentRefused refused -> {
				this.shipmentRefusal = refused.reason();
				this.shipmentRefusedAt = refused.refusedAt();
			}
			case ShipmentRecalled recalled -> {
				this.status = AllocationStatus.RESERVED;
				this.shipmentCancelledAt = recalled.recalledAt();
			}
			case ReservationReleased released -> {
				this.status = AllocationStatus.RELEASED;
				this.releasedLines = released.lines();
				this.releasedAt = released.releasedAt();
				this.releaseRecalledShipment = released.recalledShipment();
			}
		}
	}

	public AllocationStatus status() {
		return this.status;
	}

	/**
	 * The lines reserved for the order (held, shipped or since released); empty when
	 * nothing was reserved.
	 */
	public List<SkuQuantity> lines() {
		return this.lines;
	}

	/**
	 * The products the order holds, held, shipped or since released.
	 */
	public List<Sku> skus() {
		return this.lines.stream().map(SkuQuantity::sku).toList();
	}

	/**
	 * The shipment's tracking number, {@code null} when there was none.
	 */
	public String trackingNumber() {
		return this.trackingNumber;
	}

}
