-- Keys expire (shop.orders.idempotency-key-retention): the purge finds the old ones by this index.
-- Building it blocks inserts into idempotency_key while it runs. On a large table, build it beforehand with
-- CREATE INDEX CONCURRENTLY (by hand: Flyway's lock on PostgreSQL makes a concurrent build in a migration
-- wait for ever); IF NOT EXISTS then makes this migration a no-op.
CREATE INDEX IF NOT EXISTS idempotency_key_created_at ON idempotency_key (created_at);
