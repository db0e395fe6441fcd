/**
 * PostgreSQL adapters of the command side besides the event store: the idempotency keys
 * of {@code POST /orders}.
 */
package com.example.shop.order.command.adapter.persistence;
