/**
 * Kafka adapters: the saga's commands this service consumes from
 * {@code payments.commands} (through the inbox) and the replies it publishes on
 * {@code payments.events} (through the outbox).
 */
package com.example.shop.payment.adapter.messaging;
