package com.example.shop.inventory.domain.product;

import java.util.List;

import com.example.shop.inventory.domain.InvalidStockException;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.StockStateException;
import com.example.shop.inventory.domain.product.ProductEvent.ProductCreated;
import com.example.shop.inventory.domain.product.ProductEvent.Restocked;
import com.example.shop.inventory.domain.product.ProductEvent.ShippedStockRecalled;
import com.example.shop.inventory.domain.product.ProductEvent.StockReleased;
import com.example.shop.inventory.domain.product.ProductEvent.StockReserved;
import com.example.shop.inventory.domain.product.ProductEvent.StockShipped;
import org.junit.jupiter.api.Test;

import static com.example.shop.inventory.domain.InventoryTestData.NOW;
import static com.example.shop.inventory.domain.InventoryTestData.ORDER;
import static com.example.shop.inventory.domain.InventoryTestData.aProduct;
import static com.example.shop.inventory.domain.InventoryTestData.applied;
import static com.example.shop.inventory.domain.InventoryTestData.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given events, when a command, expect events (or a refusal), for the stock of one SKU.
 */
class ProductTest {

	@Test
	void creatingAProductMakesItsInitialStockAvailable() {
		Product product = new Product();

		List<ProductEvent> events = product.create(sku("SKU-1"), 5, NOW);

		assertThat(events).containsExactly(new ProductCreated(sku("SKU-1"), 5, NOW));
		assertThat(applied(product, events).levels()).isEqualTo(new StockLevels(5, 0, 0, 5));
	}

	@Test
	void aProductMayStartWithoutStock() {
		assertThat(new Product().create(sku("SKU-1"), 0, NOW))
			.containsExactly(new ProductCreated(sku("SKU-1"), 0, NOW));
	}

	@Test
	void creatingAnExistingProductWithTheSameStockChangesNothing() {
		assertThat(aProduct("SKU-1").withStock(5).restocked(3).build().create(sku("SKU-1"), 5, NOW)).isEmpty();
	}

	@Test
	void rejectsCreatingAnExistingProductWithAnotherStock() {
		Product product = aProduct("SKU-1").withStock(5).build();

		assertThatThrownBy(() -> product.create(sku("SKU-1"), 6, NOW)).isInstanceOf(ProductExistsException.class)
			.hasMessageContaining("initial stock of 5");
	}

	@Test
	void rejectsANegativeInitialStock() {
		assertThatThrownBy(() -> new Product().create(sku("SKU-1"), -1, NOW)).isInstanceOf(InvalidStockException.class)
			.hasMessageContaining("stock");
	}

	@Test
	void restockingAddsToAvailableAndReceived() {
		Product product = aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).build();

		List<ProductEvent> events = product.restock(10, NOW);

		assertThat(events).containsExactly(new Restocked(10, NOW));
		assertThat(applied(product, events).levels()).isEqualTo(new StockLevels(13, 2, 0, 15));
	}

	@Test
	void rejectsARestockThatIsNotPositiveOrWouldOverflowTheUnitsReceived() {
		Product product = aProduct("SKU-1").withStock(Integer.MAX_VALUE - 1).build();

		assertThatThrownBy(() -> product.restock(0, NOW)).isInstanceOf(InvalidStockException.class);
		assertThatThrownBy(() -> product.restock(-3, NOW)).isInstanceOf(InvalidStockException.class);
		assertThatThrownBy(() -> product.restock(2, NOW)).isInstanceOf(InvalidStockException.class)
			.hasMessageContaining("units received");
		assertThat(product.restock(1, NOW)).containsExactly(new Restocked(1, NOW));
	}

	@Test
	void rejectsRestockingAProductThatDoesNotExist() {
		assertThatThrownBy(() -> new Product().restock(1, NOW)).isInstanceOf(StockStateException.class);
	}

	@Test
	void stockMovesBetweenAvailableReservedAndShippedAndReceivedStaysTheSame() {
		Product product = aProduct("SKU-1").withStock(10).build();

		applied(product, product.reserve(ORDER, 4));
		assertThat(product.levels()).isEqualTo(new StockLevels(6, 4, 0, 10));
		applied(product, product.ship(ORDER, 4));
		assertThat(product.levels()).isEqualTo(new StockLevels(6, 0, 4, 10));
		applied(product, product.recall(ORDER, 4));
		assertThat(product.levels()).isEqualTo(new StockLevels(6, 4, 0, 10));
		applied(product, product.release(ORDER, 4));
		assertThat(product.levels()).isEqualTo(new StockLevels(10, 0, 0, 10));
	}

	@Test
	void eachMovementIsOneEventForTheOrder() {
		Product product = aProduct("SKU-1").withStock(10).reservedFor(ORDER, 4).shippedFor(ORDER, 3).build();

		assertThat(product.reserve(ORDER, 6)).containsExactly(new StockReserved(ORDER, 6));
		assertThat(product.release(ORDER, 1)).containsExactly(new StockReleased(ORDER, 1));
		assertThat(product.ship(ORDER, 1)).containsExactly(new StockShipped(ORDER, 1));
		assertThat(product.recall(ORDER, 3)).containsExactly(new ShippedStockRecalled(ORDER, 3));
		assertThat(product.recallAndRelease(ORDER, 3)).containsExactly(new ShippedStockRecalled(ORDER, 3),
				new StockReleased(ORDER, 3));
	}

	@Test
	void neverMovesMoreThanALevelHolds() {
		Product product = aProduct("SKU-1").withStock(5).reservedFor(ORDER, 2).shippedFor(ORDER, 1).build();

		assertThatThrownBy(() -> product.reserve(ORDER, 4)).isInstanceOf(StockStateException.class)
			.hasMessageContaining("3 available");
		assertThatThrownBy(() -> product.release(ORDER, 2)).isInstanceOf(StockStateException.class);
		assertThatThrownBy(() -> product.ship(ORDER, 2)).isInstanceOf(StockStateException.class);
		assertThatThrownBy(() -> product.recall(ORDER, 2)).isInstanceOf(StockStateException.class);
		assertThatThrownBy(() -> product.recallAndRelease(ORDER, 2)).isInstanceOf(StockStateException.class);
		assertThat(product.reserve(ORDER, 3)).containsExactly(new StockReserved(ORDER, 3));
	}

	@Test
	void aRestoredProductDecidesLikeTheReplayedOne() {
		Product replayed = aProduct("SKU-1").withStock(5)
			.restocked(7)
			.reservedFor(ORDER, 4)
			.shippedFor(ORDER, 1)
			.build();

		Product restored = Product.restore(replayed.sku(), replayed.initialStock(), replayed.levels());

		assertThat(restored.levels()).isEqualTo(replayed.levels()).isEqualTo(new StockLevels(8, 3, 1, 12));
		assertThat(restored.create(sku("SKU-1"), 5, NOW)).isEmpty();
		assertThatThrownBy(() -> restored.reserve(ORDER, 9)).isInstanceOf(StockStateException.class);
	}

	@Test
	void skusAreUpperCaseLettersDigitsAndInnerHyphensUpTo64Characters() {
		assertThat(List.of("SKU-1", "A", "MUG-BLUE-0042", "X".repeat(64))).allMatch(Sku::isValid);
		assertThat(java.util.Arrays.asList("sku-1", "-SKU", "SKU-", "SKU 1", "", "X".repeat(65), null))
			.noneMatch(Sku::isValid);
		assertThatThrownBy(() -> sku("sku-1")).isInstanceOf(InvalidStockException.class).hasMessageContaining("SKU-1");
	}

}
