/**
 * Spring wiring of the query service: its MongoDB health check, settings and topics.
 */
package com.example.shop.order.query.config;
