/**
 * The orders context's integration events (on {@code orders.events}, keyed by order id)
 * and the commands it accepts from the fulfilment saga (on {@code orders.commands}, keyed
 * by order id). The wire type of each, the CloudEvents {@code ce_type}, is its simple
 * name, e.g. {@code OrderPlaced}.
 */
package com.example.shop.contracts.orders;
