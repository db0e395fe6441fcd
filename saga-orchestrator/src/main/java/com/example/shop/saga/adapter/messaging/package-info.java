/**
 * The saga's link to Kafka: the replies and order events it consumes, through the inbox,
 * and the translation of its commands into the contracts each participant accepts.
 */
package com.example.shop.saga.adapter.messaging;
