/**
 * The query side of orders: MongoDB read models built from the event topics, behind a
 * REST API.
 */
package com.example.shop.order.query;
