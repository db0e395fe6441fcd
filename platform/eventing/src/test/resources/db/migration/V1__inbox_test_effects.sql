-- The effect of the test consumer in InboxIT: one row per time its handler ran to completion.
CREATE TABLE inbox_test_effect (
    message_id text NOT NULL,
    payload    text NOT NULL
);
