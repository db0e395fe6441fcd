/**
 * Kafka adapters: the integration events this service publishes on {@code orders.events}
 * (through the outbox) and the saga's commands it consumes from {@code orders.commands}
 * (through the inbox).
 */
package com.example.shop.order.command.adapter.messaging;
