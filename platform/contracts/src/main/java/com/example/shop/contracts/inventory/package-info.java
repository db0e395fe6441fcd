/**
 * The inventory context's integration events (on {@code inventory.events}) and the
 * commands it accepts from the fulfilment saga (on {@code inventory.commands}), all keyed
 * by order id. The wire type of each, the CloudEvents {@code ce_type}, is its simple
 * name. Every command is idempotent per order: a repeated command is answered with the
 * event of its first outcome again.
 */
package com.example.shop.contracts.inventory;
