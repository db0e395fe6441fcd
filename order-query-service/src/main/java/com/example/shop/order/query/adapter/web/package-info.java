/**
 * The REST API of the query side: order summaries, customers' orders, the revenue report,
 * the shipping manifest and the projections' status and rebuilds, with RFC 9457 problem
 * details for every error.
 */
package com.example.shop.order.query.adapter.web;
