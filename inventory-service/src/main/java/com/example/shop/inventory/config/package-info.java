/**
 * Spring wiring of the inventory: the Product and OrderAllocation repositories with their
 * event types (and the products' snapshots), the use cases, the topics this service owns,
 * and its settings under {@code shop.inventory}.
 */
package com.example.shop.inventory.config;
