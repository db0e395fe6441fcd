-- Keys expire (shop.orders.idempotency-key-retention): the hourly purge finds the old ones by this index.
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
