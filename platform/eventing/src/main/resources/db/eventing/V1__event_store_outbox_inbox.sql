-- Shipped by platform/eventing and migrated with its own history table (eventing_schema_history), so that
-- a service's own migrations never collide with the library's.

-- Every event of every stream, append-only. (stream_id, version) gives optimistic concurrency: a second
-- writer of the same version fails on the primary key. position orders all events globally; readers of all
-- events stop below the oldest transaction still in flight (transaction_id), so that a position taken by a
-- transaction that commits late is never skipped.
CREATE TABLE event_store (
    position       bigint GENERATED ALWAYS AS IDENTITY,
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id      text        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    event_id       uuid        NOT NULL,
    event_type     text        NOT NULL,
    data           jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    timestamp      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, version),
    UNIQUE (event_id),
    UNIQUE (position)
);

-- The latest snapshot of a stream's aggregate, with the schema version of its state. A snapshot of another
-- schema version is ignored and the stream replayed.
CREATE TABLE event_snapshot (
    stream_id      text        PRIMARY KEY,
    version        bigint      NOT NULL,
    schema_version integer     NOT NULL,
    data           jsonb       NOT NULL,
    taken_at       timestamptz NOT NULL DEFAULT now()
);

-- Messages to publish to Kafka, written in the same transaction as the change they announce. The relay
-- deletes a row once Kafka has acknowledged it.
CREATE TABLE outbox_message (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid        NOT NULL,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    message_type text        NOT NULL,
    payload      text        NOT NULL,
    headers      jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Wakes the relay when a transaction that wrote outbox rows commits (NOTIFY is delivered on commit).
CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_message', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_message_notify
    AFTER INSERT ON outbox_message
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify();

-- Ids of the messages each consumer has processed, written in the transaction of the effect.
CREATE TABLE inbox_message (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);

CREATE INDEX inbox_message_processed_at ON inbox_message (processed_at);
