/**
 * The Product aggregate: the stock of one SKU (on hand, reserved, shipped) and the
 * movements the allocations decide. It knows no allocation.
 */
package com.example.shop.inventory.domain.product;
