/**
 * MongoDB adapters of the query side: the engine's {@code ViewStore} (bulk upserts,
 * indexes) and {@code PointerStore} (the {@code projections} collection), and the read
 * models' queries. Every other package of the service is free of MongoDB.
 */
package com.example.shop.order.query.adapter.persistence;
