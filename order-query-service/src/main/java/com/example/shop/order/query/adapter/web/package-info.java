/**
 * The REST API of the query side.
 */
package com.example.shop.order.query.adapter.web;
