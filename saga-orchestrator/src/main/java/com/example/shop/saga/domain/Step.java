package com.example.shop.saga.domain;

/**
 * A step of the saga: one command sent, one reply awaited.
 */
public enum Step {

	CHARGE_PAYMENT, RESERVE_INVENTORY, CREATE_SHIPMENT, CONFIRM_ORDER,

	CANCEL_SHIPMENT, RELEASE_INVENTORY, REFUND_PAYMENT,

	REJECT_ORDER, CANCEL_ORDER

}
