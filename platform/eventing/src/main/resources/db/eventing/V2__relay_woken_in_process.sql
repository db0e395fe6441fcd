-- The relay is now woken inside its own instance after a transaction that wrote outbox rows commits, and
-- polls briefly for rows that other instances wrote. The NOTIFY on every such commit is gone: PostgreSQL
-- serializes notifying commits on one global lock.
DROP TRIGGER IF EXISTS outbox_message_notify ON outbox_message;
DROP FUNCTION IF EXISTS outbox_message_notify();
