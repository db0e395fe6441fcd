package com.example.shop.order.command.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import com.example.shop.order.command.domain.OrderEvent.OrderCancellationRequested;
import com.example.shop.order.command.domain.OrderEvent.OrderCancelled;
import com.example.shop.order.command.domain.OrderEvent.OrderConfirmed;
import com.example.shop.order.command.domain.OrderEvent.OrderPlaced;
import com.example.shop.order.command.domain.OrderEvent.OrderRejected;
import org.junit.jupiter.api.Test;

import static com.example.shop.order.command.domain.OrderTestData.NOW;
import static com.example.shop.order.command.domain.OrderTestData.anOrder;
import static com.example.shop.order.command.domain.OrderTestData.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given events, when a command, expect events (or a refusal).
 */
class OrderTest {

	@Test
	void placingAnOrderRecordsItsLinesAndAddress() {
		List<OrderEvent> events = anOrder().withLines(line("SKU-1", 2, "19.99", "EUR"), line("SKU-2", 1, "5.00", "EUR"))
			.place();

		assertThat(events).singleElement().isInstanceOfSatisfying(OrderPlaced.class, (placed) -> {
			assertThat(placed.lines()).hasSize(2);
			assertThat(placed.shippingAddress().country()).isEqualTo("GB");
			assertThat(placed.placedAt()).isEqualTo(NOW);
		});
		Order order = given(events.toArray(OrderEvent[]::new));
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.total()).isEqualByComparingTo(new BigDecimal("44.98"));
		assertThat(order.currency()).isEqualTo("EUR");
	}

	@Test
	void rejectsAnOrderWithoutLines() {
		assertThatThrownBy(() -> anOrder().withLines(List.of()).place()).isInstanceOf(InvalidOrderException.class)
			.hasMessageContaining("between 1 and 100");
	}

	@Test
	void rejectsAnOrderWithMoreThanAHundredLines() {
		List<OrderLine> lines = IntStream.range(0, 101).mapToObj((i) -> line("SKU-" + i, 1, "1.00", "EUR")).toList();

		assertThatThrownBy(() -> anOrder().withLines(lines).place()).isInstanceOf(InvalidOrderException.class);
		assertThat(anOrder().withLines(lines.subList(0, 100)).place()).hasSize(1);
	}

	@Test
	void rejectsLinesInTwoCurrencies() {
		assertThatThrownBy(
				() -> anOrder().withLines(line("SKU-1", 1, "1.00", "EUR"), line("SKU-2", 1, "1.00", "USD")).place())
			.isInstanceOf(InvalidOrderException.class)
			.hasMessageContaining("one currency");
	}

	@Test
	void rejectsNonPositiveQuantitiesAndPricesAndBadIds() {
		assertThatThrownBy(() -> line("SKU-1", 0, "1.00", "EUR")).isInstanceOf(InvalidOrderException.class);
		assertThatThrownBy(() -> line("SKU-1", 1, "0.00", "EUR")).isInstanceOf(InvalidOrderException.class);
		assertThatThrownBy(() -> line("SKU-1", 1, "1.00", "euro")).isInstanceOf(InvalidOrderException.class);
		assertThatThrownBy(() -> new CustomerId("customer-1")).isInstanceOf(InvalidOrderException.class);
		assertThatThrownBy(() -> new ShippingAddress("A", " ", "C", "P", "GB"))
			.isInstanceOf(InvalidOrderException.class);
	}

	@Test
	void rejectsSkusTheWarehouseCannotKnow() {
		for (String sku : new String[] { "", "sku-1", "SKU-", "-SKU", "SKU 1", "A".repeat(65) }) {
			assertThatThrownBy(() -> line(sku, 1, "1.00", "EUR")).as(sku)
				.isInstanceOf(InvalidOrderException.class)
				.hasMessageContaining("upper-case");
		}
		assertThat(line("MUG-BLUE-0042", 1, "1.00", "EUR").sku()).isEqualTo("MUG-BLUE-0042");
	}

	@Test
	void rejectsPricesWithMoreDecimalsThanTheirCurrencyAndUnknownCurrencies() {
		assertThatThrownBy(() -> line("SKU-1", 1, "19.999", "EUR")).isInstanceOf(InvalidOrderException.class)
			.hasMessageContaining("at most 2 decimals");
		assertThatThrownBy(() -> line("SKU-1", 1, "100.5", "JPY")).isInstanceOf(InvalidOrderException.class)
			.hasMessageContaining("at most 0 decimals");
		assertThatThrownBy(() -> line("SKU-1", 1, "1.00", "XQQ")).isInstanceOf(InvalidOrderException.class)
			.hasMessageContaining("XQQ");
		assertThat(line("SKU-1", 1, "19.900", "EUR").total()).isEqualByComparingTo("19.90");
	}

	@Test
	void aPendingOrderCanBeCancelledByRequest() {
		Order order = given(anOrder().placedEvent());

		assertThat(order.requestCancellation(NOW)).containsExactly(new OrderCancellationRequested(NOW));
	}

	@Test
	void rejectsCancellationOfAConfirmedOrder() {
		Order order = given(anOrder().placedEvent(), new OrderConfirmed(NOW));

		assertThatThrownBy(() -> order.requestCancellation(NOW)).isInstanceOf(OrderStateException.class)
			.hasMessageContaining("CONFIRMED");
	}

	@Test
	void rejectsASecondCancellationRequest() {
		Order order = given(anOrder().placedEvent(), new OrderCancellationRequested(NOW));

		assertThatThrownBy(() -> order.requestCancellation(NOW)).isInstanceOf(OrderStateException.class);
	}

	@Test
	void theSagaConfirmsRejectsOrCancels() {
		assertThat(given(anOrder().placedEvent()).confirm(NOW)).containsExactly(new OrderConfirmed(NOW));
		assertThat(given(anOrder().placedEvent()).reject("INSUFFICIENT_FUNDS", NOW))
			.containsExactly(new OrderRejected("INSUFFICIENT_FUNDS", NOW));
		assertThat(given(anOrder().placedEvent(), new OrderCancellationRequested(NOW)).cancel(NOW))
			.containsExactly(new OrderCancelled(NOW));
	}

	@Test
	void aConfirmationRacingACancellationRequestWins() {
		Order order = given(anOrder().placedEvent(), new OrderCancellationRequested(NOW));

		assertThat(order.confirm(NOW)).containsExactly(new OrderConfirmed(NOW));
	}

	@Test
	void repeatingACommandThatTookEffectChangesNothing() {
		assertThat(given(anOrder().placedEvent(), new OrderConfirmed(NOW)).confirm(NOW)).isEmpty();
		assertThat(given(anOrder().placedEvent(), new OrderRejected("X", NOW)).reject("X", NOW)).isEmpty();
		assertThat(given(anOrder().placedEvent(), new OrderCancellationRequested(NOW), new OrderCancelled(NOW))
			.cancel(NOW)).isEmpty();
	}

	@Test
	void anEndedOrderKeepsTheEventThatEndedItToAnnounceAgain() {
		assertThat(given(anOrder().placedEvent()).ending()).isEmpty();
		assertThat(given(anOrder().placedEvent(), new OrderConfirmed(NOW)).ending()).contains(new OrderConfirmed(NOW));
		assertThat(given(anOrder().placedEvent(), new OrderRejected("X", NOW)).ending())
			.contains(new OrderRejected("X", NOW));
		assertThat(
				given(anOrder().placedEvent(), new OrderCancellationRequested(NOW), new OrderCancelled(NOW)).ending())
			.contains(new OrderCancelled(NOW));
	}

	@Test
	void anEndedOrderCannotEndDifferently() {
		assertThatThrownBy(() -> given(anOrder().placedEvent(), new OrderConfirmed(NOW)).reject("X", NOW))
			.isInstanceOf(OrderStateException.class);
		assertThatThrownBy(() -> given(anOrder().placedEvent()).cancel(NOW)).isInstanceOf(OrderStateException.class);
	}

	@Test
	void rejectionKeepsItsReason() {
		Order order = given(anOrder().placedEvent(), new OrderRejected("OUT_OF_STOCK", NOW));

		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.rejectionReason()).isEqualTo("OUT_OF_STOCK");
	}

	private static Order given(OrderEvent... events) {
		Order order = new Order();
		for (OrderEvent event : events) {
			order.apply(event);
		}
		return order;
	}

}
