/**
 * The projection engine: it feeds every
 * {@link com.example.shop.order.query.projection.Projection} from the event topics and
 * hands what each returns to the view store. It decodes each record once, applies a
 * poll's writes together ({@code Projections}), keeps which collection serves each
 * projection ({@code ProjectionCatalog}), measures lag and positions
 * ({@code ProjectionMonitor}) and rebuilds a projection into a fresh collection by
 * replaying its topics from the start, switching readers over when it has caught up
 * ({@code ProjectionRebuilder}). It knows neither Kafka nor MongoDB: it reads records
 * through its ports {@code TopicRecord} and {@code TopicReplay}, and writes through
 * {@code ViewStore} and {@code PointerStore}, all implemented in the adapters.
 * <p>
 * It knows no read model: the features ({@code summary}, {@code revenue},
 * {@code manifest}) register their projections as beans. Every projection is idempotent
 * with single-document updates only: orders events apply by the order's stream version,
 * so duplicates and stale events change nothing; payments and inventory events carry no
 * version, so each records only its own outcome and a view's status is derived from the
 * outcomes recorded, which makes their application independent of order and repetition.
 * Every view can therefore be rebuilt by replaying its topics from the start.
 */
package com.example.shop.order.query.projection;
