package com.example.shop.saga.domain;

import java.util.List;

/**
 * Something a participant does for the order that must be undone if the order does not go
 * through, with the step that does it and the step that undoes it. Declared in the order
 * the saga brings them about: compensation undoes them in the reverse order.
 */
public enum Effect {

	PAYMENT(Step.CHARGE_PAYMENT, Step.REFUND_PAYMENT),

	RESERVATION(Step.RESERVE_INVENTORY, Step.RELEASE_INVENTORY),

	SHIPMENT(Step.CREATE_SHIPMENT, Step.CANCEL_SHIPMENT);

	private final Step forward;

	private final Step compensation;

	Effect(Step forward, Step compensation) {
		this.forward = forward;
		this.compensation = compensation;
	}

	public Step forward() {
		return this.forward;
	}

	public Step compensation() {
		return this.compensation;
	}

	/**
	 * The order in which effects are undone: the latest first. Derived from the
	 * declaration, so that a new effect cannot be left out of compensation.
	 */
	static final List<Effect> REVERSE = List.of(values()).reversed();

}
