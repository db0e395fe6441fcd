/**
 * Spring wiring of the query service.
 */
package com.example.shop.order.query.config;
