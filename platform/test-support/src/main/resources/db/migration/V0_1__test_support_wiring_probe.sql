-- Test-only migration shipped by platform/test-support: proves that a service's Flyway set-up migrates the
-- test database it was given. Services' own migrations start at V1.
CREATE TABLE test_support_wiring_probe (
    id         uuid PRIMARY KEY,
    note       text        NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
