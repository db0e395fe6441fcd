package com.example.shop.saga.domain;

/**
 * What the saga knows of one {@link Effect}.
 */
public enum EffectStatus {

	NOT_STARTED,

	/** Its command was sent; no reply yet. */
	PENDING,

	DONE,

	/** The participant declined; nothing to undo, unless a later reply says otherwise. */
	FAILED,

	/**
	 * No reply through every attempt: treated as failed, and undone if a late reply says
	 * it happened after all.
	 */
	TIMED_OUT,

	/** Its compensation was sent; it covers the effect whether or not it happened. */
	COMPENSATING,

	COMPENSATED

}
