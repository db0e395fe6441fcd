/**
 * The event store on PostgreSQL: append to a stream at an expected version, read a stream
 * (from a version, or as of an instant), read all events in global order, and snapshots.
 * Works on JSON; the typed layer of aggregates and event classes sits in
 * {@link com.example.shop.platform.eventing.aggregate}.
 */
package com.example.shop.platform.eventing.store;
