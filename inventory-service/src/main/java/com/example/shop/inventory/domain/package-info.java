/**
 * The inventory's domain, plain Java without any framework, one package per aggregate: a
 * {@link com.example.shop.inventory.domain.product.Product} keeps the stock of one SKU
 * (long streams, hence snapshots); an
 * {@link com.example.shop.inventory.domain.allocation.OrderAllocation} records what one
 * order holds and its shipment, so that every command of the fulfilment saga is
 * idempotent per order and every compensation is total, and decides the stock movements
 * of the products involved. This package holds what both share: {@link Sku},
 * {@link SkuQuantity}, {@link OrderId} and the domain's exceptions. Decisions return
 * events; {@code apply} only changes state.
 */
package com.example.shop.inventory.domain;
