/**
 * Event-sourced aggregates on top of the event store: a service declares its aggregate
 * (an {@link com.example.shop.platform.eventing.aggregate.Aggregate} whose {@code apply}
 * is an exhaustive {@code switch} over a sealed event interface), registers its event
 * records under logical names with
 * {@link com.example.shop.platform.eventing.aggregate.EventTypes}, and loads and saves
 * through an {@link com.example.shop.platform.eventing.aggregate.AggregateRepository}.
 */
package com.example.shop.platform.eventing.aggregate;
