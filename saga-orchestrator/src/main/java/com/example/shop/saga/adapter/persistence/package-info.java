/**
 * Stores sagas in PostgreSQL: one row per saga, locked with {@code FOR UPDATE} while a
 * transaction moves it, and scanned for passed deadlines with {@code SKIP LOCKED} so that
 * several orchestrator instances share the work without blocking each other.
 */
package com.example.shop.saga.adapter.persistence;
