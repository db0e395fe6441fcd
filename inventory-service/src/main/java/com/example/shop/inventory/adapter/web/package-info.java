/**
 * The REST API of the inventory: {@code PUT /products/{sku}}, {@code POST
 * /products/{sku}/restocks}, {@code GET /products/{sku}}, and RFC 9457 problem details
 * for every error.
 */
package com.example.shop.inventory.adapter.web;
