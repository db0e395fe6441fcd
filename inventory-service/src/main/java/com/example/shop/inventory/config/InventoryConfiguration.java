package com.example.shop.inventory.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import com.example.shop.contracts.Topics;
import com.example.shop.inventory.application.AllocationCommands;
import com.example.shop.inventory.application.AllocationReplies;
import com.example.shop.inventory.application.InventoryMetrics;
import com.example.shop.inventory.application.ProductCommands;
import com.example.shop.inventory.application.RestockKeys;
import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.allocation.AllocationEvent;
import com.example.shop.inventory.domain.allocation.OrderAllocation;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;
import com.example.shop.inventory.domain.product.StockLevels;
import com.example.shop.platform.eventing.RetentionPurge;
import com.example.shop.platform.eventing.TopicDeclarations;
import com.example.shop.platform.eventing.aggregate.AggregateRepositories;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.EventTypes;
import com.example.shop.platform.eventing.aggregate.Snapshotting;
import com.example.shop.platform.eventing.store.ConflictRetry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

	/**
	 * The Product's events under their logical names.
	 */
	static final EventTypes<ProductEvent> PRODUCT_EVENTS = EventTypes.of(ProductEvent.class)
		.register(ProductEvent.ProductCreated.class, "ProductCreated", 1)
		.register(ProductEvent.Restocked.class, "Restocked", 1)
		.register(ProductEvent.StockReserved.class, "StockReserved", 1)
		.register(ProductEvent.StockReleased.class, "StockReleased", 1)
		.register(ProductEvent.StockShipped.class, "StockShipped", 1)
		.register(ProductEvent.ShippedStockRecalled.class, "ShippedStockRecalled", 1);

	/**
	 * The OrderAllocation's events under their logical names. An order's stream has a
	 * handful of events, so there are no snapshots.
	 */
	static final EventTypes<AllocationEvent> ALLOCATION_EVENTS = EventTypes.of(AllocationEvent.class)
		.register(AllocationEvent.ReservationMade.class, "ReservationMade", 1)
		.register(AllocationEvent.ReservationRefused.class, "ReservationRefused", 1)
		.register(AllocationEvent.ShipmentDispatched.class, "ShipmentDispatched", 1)
		.register(AllocationEvent.ShipmentRefused.class, "ShipmentRefused", 1)
		.register(AllocationEvent.ShipmentRecalled.class, "ShipmentRecalled", 1)
		.register(AllocationEvent.ReservationReleased.class, "ReservationReleased", 1);

	/**
	 * The product's stock as a snapshot records it. Changing this record means raising
	 * {@link #SNAPSHOT_SCHEMA}, so that older snapshots are ignored, never misread.
	 */
	record ProductSnapshot(String sku, int initialStock, int available, int reserved, int shipped, int received) {

		static ProductSnapshot of(Product product) {
			StockLevels levels = product.levels();
			return new ProductSnapshot(product.sku().value(), product.initialStock(), levels.available(),
					levels.reserved(), levels.shipped(), levels.received());
		}

		Product restore() {
			return Product.restore(new Sku(this.sku), this.initialStock,
					new StockLevels(this.available, this.reserved, this.shipped, this.received));
		}

	}

	static final int SNAPSHOT_SCHEMA = 1;

	@Bean
	AggregateRepository<Sku, Product, ProductEvent> productRepository(InventoryProperties properties,
			AggregateRepositories repositories) {
		return repositories.snapshotted("product", Sku::value, Product::new, PRODUCT_EVENTS,
				new Snapshotting<>(properties.snapshotEvery(), SNAPSHOT_SCHEMA, ProductSnapshot.class,
						ProductSnapshot::of, ProductSnapshot::restore));
	}

	@Bean
	AggregateRepository<OrderId, OrderAllocation, AllocationEvent> allocationRepository(
			AggregateRepositories repositories) {
		return repositories.of("allocation", OrderId::toString, OrderAllocation::new, ALLOCATION_EVENTS);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	InventoryMetrics inventoryMetrics(MeterRegistry meters) {
		return new InventoryMetrics(meters);
	}

	@Bean
	ProductCommands productCommands(AggregateRepository<Sku, Product, ProductEvent> products,
			TransactionTemplate transactions, ConflictRetry retry, RestockKeys restockKeys, Clock clock) {
		return new ProductCommands(products, transactions, retry, restockKeys, clock);
	}

	@Bean
	AllocationCommands allocationCommands(AggregateRepository<OrderId, OrderAllocation, AllocationEvent> allocations,
			AggregateRepository<Sku, Product, ProductEvent> products, AllocationReplies replies,
			TransactionTemplate transactions, InventoryMetrics metrics, InventoryProperties properties, Clock clock) {
		return new AllocationCommands(allocations, products, replies, transactions, metrics,
				new HashSet<>(properties.servedCountries()), InventoryConfiguration::trackingNumber, clock);
	}

	/**
	 * A carrier-style tracking number, e.g. {@code TRK-8F3A2C91D0B4}.
	 */
	private static String trackingNumber() {
		return "TRK-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
	}

	/**
	 * Deletes the restock idempotency keys older than their retention, every hour.
	 */
	@Bean
	RetentionPurge restockKeyPurge(JdbcTemplate jdbc, InventoryProperties properties) {
		return new RetentionPurge(jdbc, "restock_key", "created_at", properties.restockKeyRetention(),
				Duration.ofHours(1));
	}

	@Bean
	KafkaAdmin.NewTopics inventoryTopics(InventoryProperties properties) {
		return TopicDeclarations.of(properties.topicPartitions(),
				List.of(Topics.INVENTORY_COMMANDS, Topics.INVENTORY_EVENTS), List.of(Topics.INVENTORY_COMMANDS));
	}

}
