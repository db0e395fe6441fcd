package com.example.shop.inventory.adapter.persistence;

import java.util.Optional;

import com.example.shop.inventory.application.RestockKeys;
import com.example.shop.inventory.domain.Sku;
import com.example.shop.platform.eventing.RetentionPurge;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Restock idempotency keys in the {@code restock_key} table. A claim inserts the key; a
 * concurrent claim of the same key waits on its primary key until the first commits, then
 * finds it. Keys older than their retention are purged (see
 * {@code InventoryProperties#restockKeyRetention}).
 */
@Repository
class JdbcRestockKeys implements RestockKeys {

	private final JdbcTemplate jdbc;

	JdbcRestockKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Earlier> claim(String key, Sku sku, int quantity) {
		return RetentionPurge.claim(() -> this.jdbc.update("""
				INSERT INTO restock_key (key, sku, quantity) VALUES (?, ?, ?)
				ON CONFLICT (key) DO NOTHING""", key, sku.value(), quantity),
				() -> this.jdbc.query("SELECT sku, quantity FROM restock_key WHERE key = ?",
						(rs, row) -> new Earlier(new Sku(rs.getString(1)), rs.getInt(2)), key));
	}

}
