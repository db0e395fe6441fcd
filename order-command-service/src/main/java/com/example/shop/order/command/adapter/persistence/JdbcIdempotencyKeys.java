package com.example.shop.order.command.adapter.persistence;

import java.util.Optional;
import java.util.UUID;

import com.example.shop.order.command.application.IdempotencyKeys;
import com.example.shop.order.command.application.OrderVersion;
import com.example.shop.order.command.domain.OrderId;
import com.example.shop.platform.eventing.RetentionPurge;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in the {@code idempotency_key} table. A claim inserts the key; a
 * concurrent claim of the same key waits on its unique index until the first commits,
 * then finds it. Keys older than their retention are purged (see
 * {@code OrderCommandProperties#idempotencyKeyRetention}).
 */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

	private final JdbcTemplate jdbc;

	JdbcIdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Earlier> claim(String key, String fingerprint, OrderVersion result) {
		return RetentionPurge
			.claim(() -> this.jdbc.update("""
					INSERT INTO idempotency_key (key, fingerprint, order_id, version) VALUES (?, ?, ?, ?)
					ON CONFLICT (key) DO NOTHING""", key, fingerprint, result.orderId().value(), result.version()),
					() -> this.jdbc
						.query("SELECT fingerprint, order_id, version FROM idempotency_key WHERE key = ?",
								(rs, row) -> new Earlier(rs.getString(1),
										new OrderVersion(new OrderId(rs.getObject(2, UUID.class)), rs.getLong(3))),
								key));
	}

}
