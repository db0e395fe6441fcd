/**
 * The inventory's two event-sourced aggregates, plain Java without any framework: a
 * {@link Product} keeps the stock of one SKU (long streams, hence snapshots), an
 * {@link OrderAllocation} records what one order holds and its shipment, so that every
 * command of the fulfilment saga is idempotent per order and every compensation is total.
 * Decisions return events (and the {@link AllocationOutcome} to answer); {@code apply}
 * only changes state.
 */
package com.example.shop.inventory.domain;
