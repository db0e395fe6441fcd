-- The order each Idempotency-Key of POST /orders placed, with a fingerprint of the request body, so that a
-- retry returns the same order and a reused key with another body is refused.
CREATE TABLE idempotency_key (
    key         text        PRIMARY KEY,
    fingerprint text        NOT NULL,
    order_id    uuid        NOT NULL,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
