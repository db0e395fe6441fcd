/**
 * The published language between services: integration events and commands as records of
 * JDK types and typed ids, with no behaviour, and the topics they travel on.
 * <ul>
 * <li>Each topic carries one sealed family: {@link com.example.shop.contracts.OrderEvent}
 * on {@code orders.events}, {@link com.example.shop.contracts.PaymentCommand} on
 * {@code payments.commands}, and so on; a consumer decodes a record once into its topic's
 * family and switches over it.</li>
 * <li>{@link com.example.shop.contracts.MessageTypes} maps each record to its logical
 * type name and schema version; producers and consumers use it and nothing else.</li>
 * <li>A consumer ignores fields it does not know, so a field readers can do without is
 * added as it is and marked {@code @Nullable}. Any other change (a field readers need, a
 * rename, a move, a removal) is a new schema version with an upcaster from the previous
 * one, registered in {@code MessageTypes}; the golden corpus of the tests keeps a sample
 * of every version and fails the build when one no longer reads
 * (docs/guides/evolve-an-event.md). Domain events stay private to their service.</li>
 * </ul>
 */
package com.example.shop.contracts;
