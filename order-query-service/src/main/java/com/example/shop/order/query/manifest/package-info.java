/**
 * The shipping manifest: one entry per shipment created, listed per UTC day, with
 * cancelled shipments marked.
 */
package com.example.shop.order.query.manifest;
