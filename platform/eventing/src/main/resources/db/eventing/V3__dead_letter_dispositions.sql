-- What operators decided about dead letters: a record of a dead-letter topic is redriven to the topic it came
-- from, or discarded, once, by someone, at a time, for a reason (platform/eventing, DeadLetters). A redrive is
-- claimed before its record is sent and completed after the broker acknowledged it; a claim left incomplete
-- (the instance died in between) may be taken over after a minute.
CREATE TABLE dead_letter_disposition (
    dead_letter_topic     text        NOT NULL,
    dead_letter_partition integer     NOT NULL,
    dead_letter_offset    bigint      NOT NULL,
    action                text        NOT NULL CHECK (action IN ('REDRIVE', 'DISCARD')),
    decided_by            text        NOT NULL,
    reason                text,
    decided_at            timestamptz NOT NULL,
    completed             boolean     NOT NULL,
    PRIMARY KEY (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);
