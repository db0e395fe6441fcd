package com.example.shop.inventory.domain.allocation;

/**
 * Where an order's allocation is: {@code NONE} → {@code RESERVED} |
 * {@code RESERVATION_FAILED}; {@code RESERVED} → {@code SHIPPED} | {@code RELEASED};
 * {@code SHIPPED} → {@code RESERVED} (shipment cancelled) | {@code RELEASED} (shipment
 * cancelled, then released); {@code NONE} | {@code RESERVATION_FAILED} → {@code RELEASED}
 * (nothing held; the order is closed).
 */
public enum AllocationStatus {

	NONE, RESERVED, RESERVATION_FAILED, SHIPPED, RELEASED

}
