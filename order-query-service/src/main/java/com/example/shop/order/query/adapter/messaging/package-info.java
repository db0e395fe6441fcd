/**
 * Kafka adapters of the query side: the listeners that feed the projections.
 */
package com.example.shop.order.query.adapter.messaging;
