/**
 * The inventory use cases, each in one transaction: {@link ProductCommands} for the REST
 * API (create, restock, read a product's stock) and {@link AllocationCommands} for the
 * saga's commands (load the order's allocation and the products involved, decide, append
 * to every stream touched and write the answer to the outbox).
 */
package com.example.shop.inventory.application;
