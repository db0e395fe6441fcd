-- Keys expire (shop.inventory.restock-key-retention): the hourly purge finds the old ones by this index.
CREATE INDEX restock_key_created_at ON restock_key (created_at);
