/**
 * The read models and the projections that build them from events. Each view keeps, per
 * source stream, the version of the last event it applied, so duplicates and stale events
 * change nothing and a view can be rebuilt by replaying the topics from the start.
 */
package com.example.shop.order.query.view;
