package com.example.shop.platform.eventing.deadletter;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A record this service could not process, as it lies in the dead-letter topic.
 *
 * @param id its position in the dead-letter topic, {@code <partition>-<offset>}
 * @param topic the topic it came from
 * @param key the record's key (the aggregate or order it is about)
 * @param messageId its CloudEvents id, kept when it is redriven
 * @param type its CloudEvents type
 * @param payload the record's value as text
 * @param headers its headers as text, but the dead-letter topic's own
 * @param cause what failed, as the consumer reported it
 * @param causeType the class of the failure
 * @param attempts how often it was delivered before it was dead-lettered
 * @param redrives how often it had been redriven before it failed this time
 * @param deadLetteredAt when it was dead-lettered
 * @param status what became of it
 * @param disposition who decided that, when and why; none while it is pending
 */
public record DeadLetter(String id, String topic, @Nullable String key, @Nullable String messageId,
		@Nullable String type, String payload, Map<String, String> headers, @Nullable String cause,
		@Nullable String causeType, int attempts, int redrives, Instant deadLetteredAt, Status status,
		@Nullable Disposition disposition) {

	/**
	 * What became of a dead letter.
	 */
	public enum Status {

		/** Nobody decided anything yet. */
		PENDING,

		/** Being sent back to its topic. */
		REDRIVING,

		/** Sent back to its topic. */
		REDRIVEN,

		/** Left for good, with a reason. */
		DISCARDED;

		static Status of(@Nullable Disposition disposition) {
			if (disposition == null) {
				return PENDING;
			}
			return switch (disposition.action()) {
				case DISCARD -> DISCARDED;
				case REDRIVE -> disposition.completed() ? REDRIVEN : REDRIVING;
			};
		}

	}

	/**
	 * What an operator did with a dead letter.
	 */
	public enum Action {

		REDRIVE, DISCARD

	}

	/**
	 * A decision about a dead letter.
	 *
	 * @param action what was done
	 * @param by who did it: the subject of their token
	 * @param at when
	 * @param reason why, in their words (required to discard)
	 * @param completed whether it is done: a redrive is done once the broker has the
	 * record
	 */
	public record Disposition(Action action, String by, Instant at, @Nullable String reason, boolean completed) {

	}

	DeadLetter decided(Disposition disposition) {
		return new DeadLetter(this.id, this.topic, this.key, this.messageId, this.type, this.payload, this.headers,
				this.cause, this.causeType, this.attempts, this.redrives, this.deadLetteredAt, Status.of(disposition),
				disposition);
	}

}
