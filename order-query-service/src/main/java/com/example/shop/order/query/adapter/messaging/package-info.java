/**
 * Kafka adapters of the query side: the listener that feeds the projections, the records
 * as the engine reads them ({@code TopicRecord}), and the replays that rebuilds read
 * ({@code TopicReplay}). Every other package of the service is free of Kafka.
 */
package com.example.shop.order.query.adapter.messaging;
