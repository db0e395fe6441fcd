-- The restock each Idempotency-Key of POST /products/{sku}/restocks made, so that a retry adds nothing and a
-- key reused for another product or quantity is refused.
CREATE TABLE restock_key (
    key        text        PRIMARY KEY,
    sku        text        NOT NULL,
    quantity   integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
