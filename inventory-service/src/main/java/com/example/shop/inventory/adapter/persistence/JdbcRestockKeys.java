package com.example.shop.inventory.adapter.persistence;

import java.util.List;
import java.util.Optional;

import com.example.shop.inventory.application.RestockKeys;
import com.example.shop.inventory.domain.Sku;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Restock idempotency keys in the {@code restock_key} table. A claim inserts the key; a
 * concurrent claim of the same key waits on its primary key until the first commits, then
 * finds it.
 */
@Repository
class JdbcRestockKeys implements RestockKeys {

	private final JdbcTemplate jdbc;

	JdbcRestockKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Earlier> claim(String key, Sku sku, int quantity) {
		int inserted = this.jdbc.update("""
				INSERT INTO restock_key (key, sku, quantity) VALUES (?, ?, ?)
				ON CONFLICT (key) DO NOTHING""", key, sku.value(), quantity);
		if (inserted == 1) {
			return Optional.empty();
		}
		List<Earlier> earlier = this.jdbc.query("SELECT sku, quantity FROM restock_key WHERE key = ?",
				(rs, row) -> new Earlier(new Sku(rs.getString(1)), rs.getInt(2)), key);
		return earlier.stream().findFirst();
	}

}
