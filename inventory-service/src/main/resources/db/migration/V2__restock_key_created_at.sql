-- Keys expire (shop.inventory.restock-key-retention): the purge finds the old ones by this index.
-- Building it blocks inserts into restock_key while it runs. On a large table, build it beforehand with
-- CREATE INDEX CONCURRENTLY (by hand: with Flyway's transactional lock on PostgreSQL a concurrent build in a
-- migration waits for ever, flyway/flyway#3682); IF NOT EXISTS then makes this migration a no-op.
CREATE INDEX IF NOT EXISTS restock_key_created_at ON restock_key (created_at);
