-- One row per order fulfilment saga. The scalar columns are what the orchestrator
-- queries by (order, state, deadline); the rest of the saga is JSON it only reads whole.
CREATE TABLE saga (
    saga_id    uuid        PRIMARY KEY,
    order_id   text        NOT NULL UNIQUE,
    state      text        NOT NULL,
    step       text,
    attempt    integer     NOT NULL,
    deadline   timestamptz,
    data       jsonb       NOT NULL,
    history    jsonb       NOT NULL,
    version    bigint      NOT NULL,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    ended_at   timestamptz
);

-- the deadline poller's scan: only sagas that wait for something
CREATE INDEX saga_deadline ON saga (deadline) WHERE deadline IS NOT NULL;

-- GET /sagas?state=..., newest first, and the active-saga gauges
CREATE INDEX saga_state_started ON saga (state, started_at DESC);
