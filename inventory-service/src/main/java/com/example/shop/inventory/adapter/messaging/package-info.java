/**
 * Kafka adapters: the saga's commands consumed from {@code inventory.commands} (through
 * the inbox, retried on concurrent changes) and the answers published on
 * {@code inventory.events} (through the outbox), keyed by order id.
 */
package com.example.shop.inventory.adapter.messaging;
