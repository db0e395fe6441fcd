/**
 * The OrderAllocation aggregate: what one order holds and its shipment. Each decision
 * reads the {@link com.example.shop.inventory.domain.product.Product}s involved and
 * returns its own events, the products' events and the
 * {@link com.example.shop.inventory.domain.allocation.AllocationOutcome} to answer the
 * saga with.
 */
package com.example.shop.inventory.domain.allocation;
