/**
 * The read models and the projections that build them from the events of the orders,
 * payments and inventory contexts: the order summary, the revenue report and the shipping
 * manifest. Every projection is idempotent with single-document updates only: orders
 * events apply by the order's stream version, so duplicates and stale events change
 * nothing; payments and inventory events carry no version, so each records only its own
 * outcome and a view's status is derived from the outcomes recorded, which makes their
 * application independent of order and repetition. Every view can therefore be rebuilt by
 * replaying its topics from the start.
 */
package com.example.shop.order.query.view;
