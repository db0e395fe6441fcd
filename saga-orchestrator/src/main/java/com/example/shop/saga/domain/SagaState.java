package com.example.shop.saga.domain;

/**
 * The phase a saga is in. A saga ends in exactly one of the four terminal states;
 * {@code COMPENSATION_FAILED} is the one an operator can resume.
 */
public enum SagaState {

	/** Working forward: payment, reservation, shipment, confirmation. */
	PROCESSING,

	/** Undoing what was done, in reverse, before rejecting or cancelling the order. */
	COMPENSATING,

	COMPLETED, REJECTED, CANCELLED,

	/** A step that must not be skipped went unanswered through every attempt. */
	COMPENSATION_FAILED;

	public boolean isTerminal() {
		return this != PROCESSING && this != COMPENSATING;
	}

}
