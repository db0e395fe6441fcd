package com.example.shop.inventory.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.shop.inventory.domain.OrderId;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.inventory.domain.SkuQuantity;
import com.example.shop.inventory.domain.product.Product;
import com.example.shop.inventory.domain.product.ProductEvent;
import com.example.shop.inventory.domain.product.StockLevels;
import com.example.shop.platform.eventing.aggregate.AggregateRepository;
import com.example.shop.platform.eventing.aggregate.Loaded;
import com.example.shop.platform.eventing.store.EventMetadata;
import com.example.shop.platform.eventing.store.EventStore;
import com.example.shop.platform.eventing.store.SnapshotStore;
import com.example.shop.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy product's long stream is loaded from its latest snapshot and the events after
 * it, and that yields the state a full replay yields.
 */
@ServiceIntegrationTest
class ProductSnapshotsIT {

	@Autowired
	ProductCommands products;

	@Autowired
	AllocationCommands allocations;

	@Autowired
	AggregateRepository<Sku, Product, ProductEvent> repository;

	@Autowired
	SnapshotStore snapshots;

	@Autowired
	EventStore events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aProductIsSnapshottedEveryHundredEventsAndLoadedFromItsSnapshot() {
		Sku sku = new Sku("SNAP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		EventMetadata metadata = EventMetadata.newRequest("test", null);
		products.create(sku, 10, metadata);
		for (int i = 0; i < 60; i++) {
			products.restock(sku, 2, null, metadata);
			OrderId order = new OrderId(UUID.randomUUID());
			allocations.reserve(order, List.of(new SkuQuantity(sku, 1)), metadata);
			if (i % 2 == 0) {
				allocations.release(order, metadata);
			}
		}
		String stream = repository.streamId(sku);
		long version = events.currentVersion(stream);

		Loaded<Sku, Product> loaded = repository.load(sku);
		Loaded<Sku, Product> replayed = repository.loadAsOf(sku, Instant.now());

		assertThat(version).isEqualTo(1 + 60 * 2 + 30);
		assertThat(snapshots.find(stream)).hasValueSatisfying((snapshot) -> {
			assertThat(snapshot.version()).isEqualTo(100);
			assertThat(snapshot.schemaVersion()).isEqualTo(1);
		});
		assertThat(loaded.version()).isEqualTo(replayed.version()).isEqualTo(version);
		assertThat(loaded.aggregate().levels()).isEqualTo(replayed.aggregate().levels())
			.isEqualTo(new StockLevels(100, 30, 0, 130));
	}

	@Test
	void loadingReadsTheSnapshotInsteadOfReplayingTheEventsBeforeIt() {
		Sku sku = new Sku("SNAP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
		EventMetadata metadata = EventMetadata.newRequest("test", null);
		products.create(sku, 0, metadata);
		for (int i = 0; i < 104; i++) {
			products.restock(sku, 1, null, metadata);
		}
		String stream = repository.streamId(sku);
		// a snapshot that says something the events do not: only a load that reads it can
		// see it
		ObjectNode doctored = (ObjectNode) json.readTree(snapshots.find(stream).orElseThrow().data());
		doctored.put("available", 1_000);
		jdbc.update("UPDATE event_snapshot SET data = ?::jsonb WHERE stream_id = ?", json.writeValueAsString(doctored),
				stream);
		assertThat(repository.load(sku).aggregate().available())
			.as("the repository keeps the stream decoded in memory and reads neither snapshot nor events again")
			.isEqualTo(104);
		repository.forgetKept();

		Loaded<Sku, Product> loaded = repository.load(sku);
		Loaded<Sku, Product> replayed = repository.loadAsOf(sku, Instant.now());

		assertThat(loaded.version()).isEqualTo(105);
		assertThat(loaded.aggregate().available()).as("the snapshot at 100 and the 5 events after it")
			.isEqualTo(1_000 + 5);
		assertThat(replayed.aggregate().available()).isEqualTo(104);
	}

}
